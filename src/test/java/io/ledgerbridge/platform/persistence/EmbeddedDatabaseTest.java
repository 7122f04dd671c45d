package io.ledgerbridge.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir Path temp;
  Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    dir = temp.resolve("data");
  }

  private static Set<PosixFilePermission> permissions(Path path) throws Exception {
    return Files.getPosixFilePermissions(path);
  }

  private String password() throws Exception {
    return Files.readString(dir.resolve(EmbeddedDatabase.PASSWORD_FILE), StandardCharsets.US_ASCII)
        .trim();
  }

  private Connection connect(String password) throws SQLException {
    return DriverManager.getConnection(EmbeddedDatabase.url(dir), EmbeddedDatabase.USER, password);
  }

  @Test
  void aNewDataFolderIsOwnerOnlyAndTheDatabaseHasAGeneratedPassword() throws Exception {
    try (Connection c = EmbeddedDatabase.open(dir).getConnection()) {
      assertTrue(c.isValid(1));
    }
    assertEquals(PosixFilePermissions.fromString("rwx------"), permissions(dir));
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        permissions(dir.resolve(EmbeddedDatabase.PASSWORD_FILE)));
    assertTrue(password().length() >= 32, "a long random password");
    // Files H2 makes later are guarded by the folder; those there now are private as well.
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            try {
              assertFalse(
                  permissions(f).contains(PosixFilePermission.OTHERS_READ), f + " is private");
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          });
    }
    SQLException refused = assertThrows(SQLException.class, () -> connect("").close());
    assertEquals(org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD, refused.getErrorCode());
  }

  @Test
  void theNextStartUsesTheSamePassword() throws Exception {
    EmbeddedDatabase.open(dir).getConnection().close();
    String first = password();
    try (Connection c = EmbeddedDatabase.open(dir).getConnection()) {
      assertTrue(c.isValid(1));
    }
    assertEquals(first, password());
  }

  @Test
  void aDatabaseOfAnEarlierVersionKeepsItsDataAndLosesItsEmptyPassword() throws Exception {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Connection legacy = connect("");
        Statement sql = legacy.createStatement()) {
      sql.execute("CREATE TABLE kept (amount DECIMAL(19,4))");
      sql.execute("INSERT INTO kept VALUES (1234.5600)");
    }
    Path dbFile = dir.resolve("ledgerbridge.mv.db");
    Files.setPosixFilePermissions(dbFile, PosixFilePermissions.fromString("rw-r--r--"));

    try (Connection c = EmbeddedDatabase.open(dir).getConnection();
        Statement sql = c.createStatement();
        ResultSet rows = sql.executeQuery("SELECT amount FROM kept")) {
      assertTrue(rows.next());
      assertEquals(new java.math.BigDecimal("1234.5600"), rows.getBigDecimal(1));
    }
    assertEquals(PosixFilePermissions.fromString("rwx------"), permissions(dir));
    assertEquals(PosixFilePermissions.fromString("rw-------"), permissions(dbFile));
    assertThrows(SQLException.class, () -> connect("").close(), "the empty password is gone");
    try (Connection c = connect(password())) {
      assertTrue(c.isValid(1));
    }
  }

  @Test
  void everyCommitIsWrittenWhenItEndsSoAKilledServerKeepsIt() throws Exception {
    // H2's default write delay loses the last second's commits on kill -9 (ImportCrashProcessIT).
    try (Connection c = EmbeddedDatabase.open(dir).getConnection();
        Statement sql = c.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertTrue(rows.next());
      assertEquals("0", rows.getString(1));
    }
  }

  @Test
  void aLostPasswordFileIsAClearErrorNotANewPassword() throws Exception {
    EmbeddedDatabase.open(dir).getConnection().close();
    Files.delete(dir.resolve(EmbeddedDatabase.PASSWORD_FILE));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.open(dir));
    assertTrue(refused.getMessage().contains("restore"), refused.getMessage());
  }
}
