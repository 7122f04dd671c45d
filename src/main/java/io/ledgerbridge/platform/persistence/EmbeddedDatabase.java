package io.ledgerbridge.platform.persistence;

import io.ledgerbridge.platform.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database under the data folder, kept from other users of the machine: the folder
 * is owner-only ({@code rwx------}, an existing one is narrowed), and the database user has a
 * random password in {@code h2.password} beside the token key, made on first start. A database made
 * by an earlier version, whose user has an empty password, is given the generated one on its next
 * start; the password file is written before the database is changed, so a crash between the two
 * only repeats the change.
 */
final class EmbeddedDatabase {

  static final String USER = "ledgerbridge";
  static final String PASSWORD_FILE = "h2.password";
  private static final String NAME = "ledgerbridge";
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  private EmbeddedDatabase() {}

  /** A datasource for the database in {@code dir}, created and secured as described above. */
  static JdbcDataSource open(Path dir) {
    try {
      if (OwnerOnlyFiles.directory(dir)) {
        LOG.warning(
            () -> "The data folder " + dir + " was readable by other users; now owner-only.");
      }
      Path passwordFile = dir.resolve(PASSWORD_FILE);
      OwnerOnlyFiles.createOnce(passwordFile, newPassword() + "\n");
      String password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim();
      if (password.isEmpty()) {
        throw new IllegalStateException(
            passwordFile + " is empty; delete it only with the database.");
      }
      JdbcDataSource h2 = dataSource(url(dir), password);
      adoptPassword(h2, password);
      // The folder already keeps them from others; files copied out of it stay private too.
      narrowDatabaseFiles(dir);
      return h2;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the data folder " + dir, e);
    }
  }

  static String url(Path dir) {
    // DB_CLOSE_ON_EXIT=FALSE: the server's pool, not H2's shutdown hook, decides when to close.
    // WRITE_DELAY=0: each commit is written to the file when it ends. H2's default (writes within
    // a second) loses the last second's commits when the process is killed: a run answered 202
    // vanished, and a document marked in flight (or recorded) just before Xero saved it would be
    // sent again without a read-back — a duplicate in Xero (ImportCrashProcessIT found it).
    return "jdbc:h2:file:"
        + dir.resolve(NAME)
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
  }

  private static JdbcDataSource dataSource(String url, String password) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser(USER);
    h2.setPassword(password);
    return h2;
  }

  /**
   * Signs in once with the generated password (which creates a new database with it); when H2
   * refuses it and the empty password of earlier versions works, sets the generated one.
   */
  private static void adoptPassword(JdbcDataSource h2, String password) {
    try (Connection ignored = h2.getConnection()) {
      return;
    } catch (SQLException e) {
      if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
        throw new IllegalStateException("Cannot open the embedded database: " + e.getMessage(), e);
      }
    }
    try (Connection legacy = dataSource(h2.getURL(), "").getConnection();
        Statement sql = legacy.createStatement()) {
      // The password is base64url: no quote can end the literal.
      sql.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
      LOG.info("The embedded database user now has the password kept in " + PASSWORD_FILE + ".");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The embedded database refuses the password in "
              + PASSWORD_FILE
              + " beside it, and it has no empty password either: restore the file that was kept"
              + " with this database.",
          e);
    }
  }

  private static void narrowDatabaseFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().startsWith(NAME + ".")) {
          OwnerOnlyFiles.narrow(file);
        }
      }
    }
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
