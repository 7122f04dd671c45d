package io.ledgerbridge.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every LedgerBridge setting, typed, in one place. Values come from MicroProfile Config, so each
 * setting can be given as a system property ({@code -Dledgerbridge.demo=true}), an environment
 * variable ({@code LEDGERBRIDGE_DEMO=true}) or the server's configuration. The README's
 * configuration reference lists the same names and defaults.
 */
@ApplicationScoped
public class LedgerBridgeConfig {

  public static final String DEMO = "ledgerbridge.demo";
  public static final String DATA_DIR = "ledgerbridge.data.dir";
  public static final String DB_JNDI = "ledgerbridge.db.jndi";
  public static final String DB_URL = "ledgerbridge.db.url";
  public static final String DB_USER = "ledgerbridge.db.user";
  public static final String DB_PASSWORD = "ledgerbridge.db.password";
  public static final String ADMIN_USERNAME = "ledgerbridge.admin.username";
  public static final String ADMIN_PASSWORD = "ledgerbridge.admin.password";
  public static final String INTAKE_MAX_ITEMS = "ledgerbridge.intake.max-items";
  public static final String INTAKE_MAX_LINES = "ledgerbridge.intake.max-lines";
  public static final String INTAKE_MAX_BODY_BYTES = "ledgerbridge.intake.max-body-bytes";
  public static final String PASSWORD_ITERATIONS = "ledgerbridge.security.pbkdf2-iterations";

  /** The JNDI name of the datasource the application defines for itself (H2 or a JDBC URL). */
  public static final String EMBEDDED_DATASOURCE = "java:app/jdbc/ledgerbridge";

  private static Config config() {
    return ConfigProvider.getConfig(LedgerBridgeConfig.class.getClassLoader());
  }

  private static Optional<String> text(String name) {
    return config()
        .getOptionalValue(name, String.class)
        .map(String::trim)
        .filter(s -> !s.isEmpty());
  }

  private static int integer(String name, int defaultValue) {
    return config().getOptionalValue(name, Integer.class).orElse(defaultValue);
  }

  /**
   * Demo mode: demo users, the demo dataset and (later) the built-in Xero sandbox. Off unless set.
   */
  public boolean demoMode() {
    return config().getOptionalValue(DEMO, Boolean.class).orElse(false);
  }

  public static Path dataDirectory() {
    return Path.of(text(DATA_DIR).orElse("data")).toAbsolutePath().normalize();
  }

  /** A server JDBC resource (e.g. {@code jdbc/ledgerbridge}) to use instead of the built-in one. */
  public static Optional<String> serverDataSource() {
    return text(DB_JNDI);
  }

  public static Optional<String> databaseUrl() {
    return text(DB_URL);
  }

  public static Optional<String> databaseUser() {
    return text(DB_USER);
  }

  public static Optional<String> databasePassword() {
    return config().getOptionalValue(DB_PASSWORD, String.class);
  }

  /** The JNDI name of the datasource in use: the server's resource if configured, else our own. */
  public static String activeDataSource() {
    return serverDataSource().orElse(EMBEDDED_DATASOURCE);
  }

  public Optional<String> initialAdminUsername() {
    return text(ADMIN_USERNAME);
  }

  public Optional<String> initialAdminPassword() {
    return config().getOptionalValue(ADMIN_PASSWORD, String.class).filter(s -> !s.isEmpty());
  }

  public int intakeMaxItems() {
    return integer(INTAKE_MAX_ITEMS, 1000);
  }

  public int intakeMaxLines() {
    return integer(INTAKE_MAX_LINES, 500);
  }

  public long intakeMaxBodyBytes() {
    return config().getOptionalValue(INTAKE_MAX_BODY_BYTES, Long.class).orElse(10L * 1024 * 1024);
  }

  public int passwordIterations() {
    return integer(PASSWORD_ITERATIONS, 210_000);
  }
}
