package io.ledgerbridge.xero.control;

import java.time.Instant;

/**
 * What the token endpoint issued. {@code toString} never shows the tokens.
 *
 * @param refreshToken null for client credentials (custom connections have none)
 */
public record TokenGrant(
    String accessToken, Instant accessExpiresAt, String refreshToken, String scope) {

  @Override
  public String toString() {
    return "TokenGrant[accessExpiresAt="
        + accessExpiresAt
        + ", refreshToken="
        + (refreshToken == null ? "none" : "present")
        + ", scope="
        + scope
        + "]";
  }
}
