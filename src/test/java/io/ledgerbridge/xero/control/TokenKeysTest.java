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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

  @TempDir Path dir;

  @Test
  void createsTheKeyFileOnceReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("data/xero-token.key");
    byte[] first = TokenKeys.load(Optional.empty(), file, true);
    assertEquals(32, first.length);
    assertTrue(Files.exists(file));
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(file));
    }
    assertArrayEquals(
        first, TokenKeys.load(Optional.empty(), file, true), "the same key next time");
    assertArrayEquals(
        first, TokenKeys.load(Optional.empty(), file, false), "an existing file is always read");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void aMissingKeyFileIsNotReplacedWhileStoredValuesDependOnIt() {
    Path file = dir.resolve("xero-token.key");
    TokenKeys.KeyFileMissing refused =
        assertThrows(
            TokenKeys.KeyFileMissing.class, () -> TokenKeys.load(Optional.empty(), file, false));
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains("restore"), refused.getMessage());
    assertTrue(Files.notExists(file), "no new key was made");
  }

  @Test
  void concurrentCreatorsAllEndUpWithTheSameKey() {
    Path file = dir.resolve("shared/xero-token.key");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<byte[]>> loads =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            start.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return TokenKeys.load(Optional.empty(), file, true);
                        }))
            .toList();
    start.countDown();
    byte[] first = loads.get(0).join();
    loads.forEach(l -> assertArrayEquals(first, l.join()));
  }

  @Test
  void aConfiguredKeyWinsOverTheFile() {
    byte[] key = TokenCipher.newKey();
    Path file = dir.resolve("unused.key");
    assertArrayEquals(
        key, TokenKeys.load(Optional.of(Base64.getEncoder().encodeToString(key)), file, false));
    assertTrue(Files.notExists(file));
  }

  @Test
  void refusesAKeyOfTheWrongSize() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThrows(
        IllegalStateException.class,
        () -> TokenKeys.load(Optional.of(shortKey), dir.resolve("k"), true));
    assertThrows(
        IllegalStateException.class,
        () -> TokenKeys.load(Optional.of("not base64!"), dir.resolve("k"), true));
  }
}
