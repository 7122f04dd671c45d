package io.ledgerbridge.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every LedgerBridge setting, typed, in one place. Values come from MicroProfile Config, so each
 * setting can be given as a system property ({@code -Dledgerbridge.demo=true}), an environment
 * variable ({@code LEDGERBRIDGE_DEMO=true}) or the server's configuration. The configuration
 * reference (docs/configuration.md) lists the same names and defaults.
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
  public static final String INTAKE_CONCURRENCY = "ledgerbridge.intake.concurrency";
  public static final String INTAKE_QUEUE_SECONDS = "ledgerbridge.intake.queue-seconds";
  public static final String IMPORT_STALE_AFTER_SECONDS = "ledgerbridge.import.stale-after-seconds";
  public static final String IMPORT_WATCH_SECONDS = "ledgerbridge.import.watch-seconds";
  public static final String IMPORT_PARALLEL_BATCHES = "ledgerbridge.import.parallel-batches";
  public static final String IMPORT_DEFER_SECONDS = "ledgerbridge.import.defer-seconds";
  public static final String PUBLIC_URL = "ledgerbridge.public-url";
  public static final String PASSWORD_ITERATIONS = "ledgerbridge.security.pbkdf2-iterations";
  public static final String XERO_CLIENT_ID = "ledgerbridge.xero.client-id";
  public static final String XERO_CLIENT_SECRET = "ledgerbridge.xero.client-secret";
  public static final String XERO_REDIRECT_URI = "ledgerbridge.xero.redirect-uri";
  public static final String XERO_SCOPES = "ledgerbridge.xero.scopes";
  public static final String XERO_CUSTOM_CLIENT_ID = "ledgerbridge.xero.custom.client-id";
  public static final String XERO_CUSTOM_CLIENT_SECRET = "ledgerbridge.xero.custom.client-secret";
  public static final String XERO_CUSTOM_SCOPES = "ledgerbridge.xero.custom.scopes";
  public static final String XERO_AUTHORIZE_URL = "ledgerbridge.xero.authorize-url";
  public static final String XERO_TOKEN_URL = "ledgerbridge.xero.token-url";
  public static final String XERO_REVOCATION_URL = "ledgerbridge.xero.revocation-url";
  public static final String XERO_CONNECTIONS_URL = "ledgerbridge.xero.connections-url";
  public static final String XERO_API_URL = "ledgerbridge.xero.api-url";
  public static final String SANDBOX_ENABLED = "ledgerbridge.sandbox.enabled";
  public static final String DEMO_APP_CLIENT_ID = "ledgerbridge.sandbox.demo-app.client-id";
  public static final String DEMO_APP_CLIENT_SECRET = "ledgerbridge.sandbox.demo-app.client-secret";
  public static final String XERO_TOKEN_KEY = "ledgerbridge.xero.token-key";
  public static final String XERO_TOKEN_KEY_FILE = "ledgerbridge.xero.token-key-file";

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

  /** Intake requests worked on at once per node; the rest queue (see IntakeGate). */
  public int intakeConcurrency() {
    return Math.max(1, integer(INTAKE_CONCURRENCY, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /** How long an intake request may queue for its turn before it is answered 503. */
  public int intakeQueueSeconds() {
    return Math.max(1, integer(INTAKE_QUEUE_SECONDS, 60));
  }

  /**
   * A RUNNING import run whose node has not beaten its heartbeat for this long is taken to have
   * died: another node (or this one, restarted) takes it over and reconciles before sending.
   */
  public int importStaleAfterSeconds() {
    return Math.max(2, integer(IMPORT_STALE_AFTER_SECONDS, 60));
  }

  /** How often each node beats the heartbeat of its runs and looks for abandoned ones. */
  public int importWatchSeconds() {
    return Math.max(1, integer(IMPORT_WATCH_SECONDS, 15));
  }

  /**
   * How many batches of one import run are in progress at once. Xero answers a batch of 50 in a
   * second or more; with one at a time a run would stay well below Xero's 60 calls a minute. The
   * client's governor keeps the organisation's limits (5 in flight, 60 a minute) across all runs.
   */
  public int importParallelBatches() {
    return Math.max(1, Math.min(5, integer(IMPORT_PARALLEL_BATCHES, 3)));
  }

  /**
   * How long a run waits for a document another live run is sending before it gives up on it
   * (skipped, "being imported by run N").
   */
  public int importDeferSeconds() {
    return Math.max(1, integer(IMPORT_DEFER_SECONDS, 120));
  }

  /**
   * LedgerBridge's address as people reach it, e.g. {@code
   * https://finance.example.com/ledgerbridge} (no trailing slash): the links back from Xero
   * documents, the Xero redirect URI and the origin of redirects. Unset: taken from the request,
   * whose {@code Host} header the client chooses — set it in production.
   */
  public static Optional<String> publicBaseUrl() {
    return text(PUBLIC_URL).map(u -> u.replaceAll("/+$", ""));
  }

  public int passwordIterations() {
    return integer(PASSWORD_ITERATIONS, 210_000);
  }

  // ---- Xero ------------------------------------------------------------------------------------

  /** The Xero app for the authorisation-code flow; empty when no client id is configured. */
  public Optional<XeroApp> xeroApp() {
    return text(XERO_CLIENT_ID)
        .map(
            id ->
                new XeroApp(
                    id,
                    text(XERO_CLIENT_SECRET).orElse(""),
                    text(XERO_REDIRECT_URI).orElse(null),
                    text(XERO_SCOPES).orElse(XeroApp.DEFAULT_SCOPES)));
  }

  /** The custom connection (client credentials); empty when no client id is configured. */
  public Optional<XeroApp> xeroCustomConnection() {
    return text(XERO_CUSTOM_CLIENT_ID)
        .map(
            id ->
                new XeroApp(
                    id,
                    text(XERO_CUSTOM_CLIENT_SECRET).orElse(""),
                    null,
                    text(XERO_CUSTOM_SCOPES).orElse(XeroApp.DEFAULT_CUSTOM_SCOPES)));
  }

  /**
   * Whether the built-in Xero sandbox answers at all ({@code ledgerbridge.sandbox.enabled}); on by
   * default exactly when demo mode is.
   */
  public static boolean sandboxEnabled() {
    boolean demo = config().getOptionalValue(DEMO, Boolean.class).orElse(false);
    return config().getOptionalValue(SANDBOX_ENABLED, Boolean.class).orElse(demo);
  }

  /**
   * The client id of the app the built-in sandbox registers for LedgerBridge: known even when the
   * sandbox is off, so a connection left from demo mode can be recognised.
   */
  public static String demoAppClientId() {
    return text(DEMO_APP_CLIENT_ID).orElse("ledgerbridge-demo");
  }

  /** The secret of that app, which the sandbox checks and the connector sends. */
  public static String demoAppClientSecret() {
    return text(DEMO_APP_CLIENT_SECRET).orElse("demo-secret");
  }

  /**
   * The built-in sandbox's app for LedgerBridge, while the sandbox is on: the sandbox registers it
   * and the Xero connector uses it like any configured app (a simulator's well-known credentials,
   * not a secret; redirect URI from the request).
   */
  public Optional<XeroApp> demoXeroApp() {
    if (!sandboxEnabled()) {
      return Optional.empty();
    }
    return Optional.of(
        new XeroApp(demoAppClientId(), demoAppClientSecret(), null, XeroApp.DEFAULT_SCOPES));
  }

  /** Xero's URLs, each overridable (a proxy, a test double); defaults are Xero's own. */
  public XeroUrls xeroUrls() {
    return new XeroUrls(
        text(XERO_AUTHORIZE_URL).orElse(XeroUrls.XERO.authorize()),
        text(XERO_TOKEN_URL).orElse(XeroUrls.XERO.token()),
        text(XERO_REVOCATION_URL).orElse(XeroUrls.XERO.revocation()),
        text(XERO_CONNECTIONS_URL).orElse(XeroUrls.XERO.connections()),
        text(XERO_API_URL).orElse(XeroUrls.XERO.api()));
  }

  /** Whether any Xero URL was configured (then the built-in sandbox is not used by default). */
  public boolean xeroUrlsConfigured() {
    return text(XERO_AUTHORIZE_URL).isPresent()
        || text(XERO_TOKEN_URL).isPresent()
        || text(XERO_REVOCATION_URL).isPresent()
        || text(XERO_CONNECTIONS_URL).isPresent()
        || text(XERO_API_URL).isPresent();
  }

  /** The token-encryption key, base64, if given directly (else the key file is used). */
  public Optional<String> xeroTokenKey() {
    return text(XERO_TOKEN_KEY);
  }

  /** Where the token-encryption key lives: by default a file in the data directory. */
  public Path xeroTokenKeyFile() {
    return text(XERO_TOKEN_KEY_FILE)
        .map(p -> Path.of(p).toAbsolutePath().normalize())
        .orElseGet(() -> dataDirectory().resolve("xero-token.key"));
  }

  /**
   * A registered Xero app's credentials. {@code toString} leaves the secret out.
   *
   * @param redirectUri null: derived from the request ({@code …/ledgerbridge/xero/callback})
   */
  public record XeroApp(String clientId, String clientSecret, String redirectUri, String scopes) {
    // Granular scopes (apps created from 2 March 2026); the Balance Sheet, read for the inventory
    // value reconciliation, has its own report scope (broad apps: accounting.reports.read).
    public static final String DEFAULT_SCOPES =
        "openid profile email offline_access accounting.invoices accounting.payments"
            + " accounting.manualjournals accounting.contacts accounting.settings"
            + " accounting.reports.balancesheet.read";
    public static final String DEFAULT_CUSTOM_SCOPES =
        "accounting.invoices accounting.payments accounting.manualjournals accounting.contacts"
            + " accounting.settings accounting.reports.balancesheet.read";

    @Override
    public String toString() {
      return "XeroApp[clientId=" + clientId + ", scopes=" + scopes + "]";
    }
  }

  /** Where Xero's identity server, connections and Accounting API are. */
  public record XeroUrls(
      String authorize, String token, String revocation, String connections, String api)
      implements java.io.Serializable {
    public static final XeroUrls XERO =
        new XeroUrls(
            "https://login.xero.com/identity/connect/authorize",
            "https://identity.xero.com/connect/token",
            "https://identity.xero.com/connect/revocation",
            "https://api.xero.com/connections",
            "https://api.xero.com/api.xro/2.0");

    /**
     * The built-in sandbox under a base such as {@code http://localhost:8080/ledgerbridge/sandbox}.
     */
    public static XeroUrls sandbox(String browserBase, String serverBase) {
      return new XeroUrls(
          browserBase + "/identity/connect/authorize",
          serverBase + "/identity/connect/token",
          serverBase + "/identity/connect/revocation",
          serverBase + "/connections",
          serverBase + "/api.xro/2.0");
    }
  }
}
