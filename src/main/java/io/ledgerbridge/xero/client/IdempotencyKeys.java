package io.ledgerbridge.xero.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code Idempotency-Key}s derived from a request's content: the same write to the same
 * organisation gets the same key, so every retry of it — and a re-send of identical content within
 * Xero's six minutes — is answered from Xero's idempotency store instead of creating a duplicate.
 * Changed content gets a new key, as Xero requires (a reused key with another body is a 400).
 */
public final class IdempotencyKeys {

  /** The key format's version, so a change of derivation never collides with old keys. */
  static final String PREFIX = "lb1-";

  private IdempotencyKeys() {}

  /**
   * {@code lb1-} and the SHA-256 of tenant, method, path with query, and body, in URL-safe Base64
   * shortened to 32 characters (192 bits): 36 characters, well within Xero's 128.
   */
  public static String derive(String tenantId, String method, String pathAndQuery, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {tenantId, method, pathAndQuery, body == null ? "" : body}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
      return PREFIX + digest.substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
