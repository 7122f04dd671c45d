package io.ledgerbridge.xero.entity;

/** How LedgerBridge is connected to Xero. */
public enum ConnectionMode {
  /** OAuth 2.0 authorisation code with PKCE: an admin consents; refresh tokens rotate. */
  AUTHORIZATION_CODE,
  /** A custom connection: client credentials for one organisation; no refresh token. */
  CLIENT_CREDENTIALS
}
