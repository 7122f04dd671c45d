package io.ledgerbridge.xero.entity;

/** Where a connection stands. */
public enum ConnectionStatus {
  /** Consent given; the admin has yet to pick the organisation. */
  AWAITING_ORGANISATION,
  /** An organisation is chosen and tokens are held. */
  CONNECTED,
  /** Xero refused the refresh token or credentials: an admin must connect again. */
  NEEDS_RECONNECT
}
