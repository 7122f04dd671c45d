package io.ledgerbridge.xero.boundary;

/** The access token's state as reported to admins. */
public enum TokenState {
  VALID,
  /** Expired by the stored expiry; renewed at the next use. */
  EXPIRED,
  NEEDS_RECONNECT,
  NOT_CONNECTED
}
