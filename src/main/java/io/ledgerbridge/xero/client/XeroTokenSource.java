package io.ledgerbridge.xero.client;

/**
 * Where the client gets access tokens: the seam between the client (which only speaks HTTP to the
 * Accounting API) and the connection's token vault (which owns refresh tokens and their rotation).
 * Tests supply their own, obtained straight from the sandbox's identity server.
 */
public interface XeroTokenSource {

  /** A valid access token, refreshed first when it expires within the next minute or so. */
  String accessToken();

  /**
   * Called once when Xero answered 401 to a request sent with {@code refusedToken}: renew the token
   * (serialised, so concurrent callers share one refresh) and return the new one.
   *
   * @throws XeroReconnectRequired when the refresh token is no longer accepted
   */
  String renewAfterUnauthorized(String refusedToken);
}
