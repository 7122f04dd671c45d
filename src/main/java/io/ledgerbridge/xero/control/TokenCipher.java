package io.ledgerbridge.xero.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens at rest with AES-256-GCM: a fresh random 12-byte IV per value, a 128-bit tag, and
 * the value's purpose (e.g. {@code "refresh"}) as associated data, so a stored access token cannot
 * be passed off as a refresh token. Stored form: {@code v1:} + base64(IV ‖ ciphertext ‖ tag).
 */
public final class TokenCipher {

  /** The stored value was altered, or was encrypted with another key. */
  public static class TamperedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TamperedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  public TokenCipher(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("The token key must be 256 bits (32 bytes).");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A new random 256-bit key. */
  public static byte[] newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  public String encrypt(String purpose, String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public String decrypt(String purpose, String stored) {
    if (stored == null) {
      return null;
    }
    try {
      if (!stored.startsWith(PREFIX)) {
        throw new TamperedException("Not an encrypted token.", null);
      }
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (all.length < IV_BYTES + TAG_BITS / 8) {
        throw new TamperedException("The encrypted token is too short.", null);
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new TamperedException(
          "A stored Xero token cannot be decrypted: it was altered or the token key changed.", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  @Override
  public String toString() {
    return "TokenCipher[AES-256-GCM]";
  }
}
