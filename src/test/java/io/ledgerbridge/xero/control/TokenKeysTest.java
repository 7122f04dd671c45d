package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

  @TempDir Path dir;

  @Test
  void createsTheKeyFileOnceReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("data/xero-token.key");
    byte[] first = TokenKeys.load(Optional.empty(), file);
    assertEquals(32, first.length);
    assertTrue(Files.exists(file));
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(file));
    }
    assertArrayEquals(first, TokenKeys.load(Optional.empty(), file), "the same key next time");
  }

  @Test
  void aConfiguredKeyWinsOverTheFile() {
    byte[] key = TokenCipher.newKey();
    Path file = dir.resolve("unused.key");
    assertArrayEquals(
        key, TokenKeys.load(Optional.of(Base64.getEncoder().encodeToString(key)), file));
    assertTrue(Files.notExists(file));
  }

  @Test
  void refusesAKeyOfTheWrongSize() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThrows(
        IllegalStateException.class, () -> TokenKeys.load(Optional.of(shortKey), dir.resolve("k")));
    assertThrows(
        IllegalStateException.class,
        () -> TokenKeys.load(Optional.of("not base64!"), dir.resolve("k")));
  }
}
