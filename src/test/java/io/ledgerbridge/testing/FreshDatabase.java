package io.ledgerbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each failsafe execution an empty database, once per JVM and before the first Payara Micro
 * boots (it must be registered before Arquillian's extension): on PostgreSQL it recreates {@code
 * ledgerbridge_it}; on H2 it deletes the data directory the execution points the app at. The IT
 * classes of one execution then share that database, so they use unique source ids.
 */
public final class FreshDatabase implements BeforeAllCallback {

  static final String POSTGRES_ADMIN_URL =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  static final String DATABASE = System.getProperty("it.pg.database", "ledgerbridge_it");

  private static boolean done;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    prepareOnce();
  }

  private static synchronized void prepareOnce() throws SQLException {
    if (done) {
      return;
    }
    if (isPostgres()) {
      try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL);
          Statement sql = connection.createStatement()) {
        // FORCE: a Payara left over from an aborted run may still hold connections.
        sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        sql.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
      }
    } else {
      deleteH2DataDirectory();
    }
    done = true;
  }

  /**
   * A new, empty PostgreSQL database of this name (dropped first if it exists), for a test that
   * runs servers of its own; returns the JDBC URL LedgerBridge connects with.
   */
  public static String freshPostgres(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL);
        Statement sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
    }
    return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
  }

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("it.db"));
  }

  private static void deleteH2DataDirectory() {
    String dataDir = System.getenv("LEDGERBRIDGE_DATA_DIR");
    String buildDir = System.getProperty("it.buildDir");
    if (dataDir == null || buildDir == null) {
      return;
    }
    Path dir = Path.of(dataDir).toAbsolutePath().normalize();
    // Only ever delete below target/: the variable might one day point somewhere that matters.
    if (!dir.startsWith(Path.of(buildDir).toAbsolutePath().normalize())
        || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
