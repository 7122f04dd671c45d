package io.ledgerbridge.xero.control;

import io.ledgerbridge.platform.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the token-encryption key: given directly (base64) or read from a key file. The key never
 * goes into the database, so a database copy alone does not reveal the tokens.
 *
 * <p>A missing key file is created with a new random key only when the caller says no stored value
 * depends on the old one: a key file that went missing (a lost volume, a new node without the
 * shared file) must not be silently replaced, or every stored token becomes unreadable. Creation is
 * atomic: the key is written to an owner-only temporary file in the same directory, which is then
 * linked into place without replacing an existing file; whoever loses that race reads the winner's
 * key.
 */
public final class TokenKeys {

  /** The key file is missing and a new key may not be made: stored values depend on the old one. */
  public static class KeyFileMissing extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyFileMissing(String message) {
      super(message);
    }
  }

  private TokenKeys() {}

  /**
   * @param mayCreate whether a missing key file may be created with a new key (no stored value is
   *     encrypted with the old one, or demo mode)
   * @throws KeyFileMissing when the file is missing and {@code mayCreate} is false
   */
  public static byte[] load(Optional<String> base64Key, Path keyFile, boolean mayCreate) {
    if (base64Key.isPresent()) {
      return decode(base64Key.get(), "ledgerbridge.xero.token-key");
    }
    try {
      if (!Files.exists(keyFile)) {
        if (!mayCreate) {
          throw new KeyFileMissing(
              "The Xero token key file "
                  + keyFile
                  + " is missing, but the stored Xero connection is encrypted with a key:"
                  + " restore the file (or set ledgerbridge.xero.token-key), or disconnect Xero"
                  + " and connect again to start with a new key.");
        }
        create(keyFile);
      }
      return decode(
          Files.readString(keyFile, StandardCharsets.US_ASCII).trim(), "the key file " + keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the Xero token key " + keyFile, e);
    }
  }

  private static void create(Path keyFile) throws IOException {
    // Whoever loses a creation race reads the winner's key.
    OwnerOnlyFiles.createOnce(
        keyFile, Base64.getEncoder().encodeToString(TokenCipher.newKey()) + "\n");
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
