package io.ledgerbridge.xero.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636) with the S256 method. */
public final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Pkce() {}

  /** A new code verifier: 32 random bytes, base64url without padding (43 characters). */
  public static String newVerifier() {
    return randomUrlSafe(32);
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))}. */
  public static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomUrlSafe(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
