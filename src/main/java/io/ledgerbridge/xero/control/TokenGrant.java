package io.ledgerbridge.xero.control;

import java.time.Instant;

/**
 * What the token endpoint issued. {@code toString} never shows the tokens.
 *
 * @param refreshToken null for client credentials (custom connections have none)
 */
public record TokenGrant(
    String accessToken, Instant accessExpiresAt, String refreshToken, String scope) {

  /**
   * Whether the grant allows renewing without the user: a refresh token, and {@code offline_access}
   * among the granted scopes when Xero lists them.
   */
  public boolean grantsOfflineAccess() {
    return refreshToken != null
        && (scope == null || java.util.List.of(scope.split("\\s+")).contains("offline_access"));
  }

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
