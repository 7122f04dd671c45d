package io.ledgerbridge.xero.client;

import io.ledgerbridge.platform.BusinessException;

/**
 * Xero no longer accepts the connection's refresh token ({@code invalid_grant}) or there is no
 * connection: an admin must connect again. Nothing else is lost.
 */
public class XeroReconnectRequired extends BusinessException.Unavailable {

  public XeroReconnectRequired(String message) {
    super(message);
  }
}
