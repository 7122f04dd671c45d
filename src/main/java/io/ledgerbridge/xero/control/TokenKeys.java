package io.ledgerbridge.xero.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the token-encryption key: given directly (base64) or read from a key file, which is created
 * with a new random key, readable by its owner only, the first time it is needed. The key never
 * goes into the database, so a database copy alone does not reveal the tokens.
 */
public final class TokenKeys {

  private TokenKeys() {}

  public static byte[] load(Optional<String> base64Key, Path keyFile) {
    if (base64Key.isPresent()) {
      return decode(base64Key.get(), "ledgerbridge.xero.token-key");
    }
    try {
      if (!Files.exists(keyFile)) {
        create(keyFile);
      }
      return decode(
          Files.readString(keyFile, StandardCharsets.US_ASCII).trim(), "the key file " + keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the Xero token key " + keyFile, e);
    }
  }

  private static void create(Path keyFile) throws IOException {
    Path parent = keyFile.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String key = Base64.getEncoder().encodeToString(TokenCipher.newKey()) + "\n";
    try {
      if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            keyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(keyFile);
      }
      Files.writeString(keyFile, key, StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      // Another thread or node created it first: use theirs.
    }
  }

  private static byte[] decode(String base64, String where) {
    try {
      byte[] key = Base64.getDecoder().decode(base64.trim());
      if (key.length != 32) {
        throw new IllegalStateException(where + " must hold a base64 256-bit (32-byte) key.");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not valid base64.", e);
    }
  }
}
