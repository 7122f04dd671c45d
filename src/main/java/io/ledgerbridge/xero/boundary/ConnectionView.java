package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.ConnectionStatus;
import io.ledgerbridge.xero.entity.XeroConnection;
import java.time.Instant;

/**
 * The connection as pages and the REST API show it; no tokens.
 *
 * @param callsLeft Xero API calls left this minute and today, as Xero last said (null before the
 *     first call of this node)
 */
public record ConnectionView(
    ConnectionMode mode,
    ConnectionStatus status,
    String tenantId,
    String tenantName,
    TokenState tokenState,
    Instant accessExpiresAt,
    Instant connectedAt,
    String connectedBy,
    Instant needsReconnectSince,
    String apiUrl,
    CallsLeft callsLeft) {

  /**
   * The API budget left, from Xero's {@code X-MinLimit-Remaining} / {@code X-DayLimit-Remaining}.
   */
  public record CallsLeft(Integer thisMinute, Integer today, Instant observedAt) {}

  /** The same view with the API budget the Xero client last saw. */
  public ConnectionView withCallsLeft(CallsLeft calls) {
    return new ConnectionView(
        mode,
        status,
        tenantId,
        tenantName,
        tokenState,
        accessExpiresAt,
        connectedAt,
        connectedBy,
        needsReconnectSince,
        apiUrl,
        calls);
  }

  static ConnectionView of(XeroConnection c, Instant now) {
    TokenState state;
    if (c.getStatus() == ConnectionStatus.NEEDS_RECONNECT) {
      state = TokenState.NEEDS_RECONNECT;
    } else if (c.getAccessExpiresAt() == null || !now.isBefore(c.getAccessExpiresAt())) {
      state = TokenState.EXPIRED;
    } else {
      state = TokenState.VALID;
    }
    return new ConnectionView(
        c.getMode(),
        c.getStatus(),
        c.getTenantId(),
        c.getTenantName(),
        state,
        c.getAccessExpiresAt(),
        c.getConnectedAt(),
        c.getConnectedBy(),
        c.getNeedsReconnectSince(),
        c.getApiUrl(),
        null);
  }

  public boolean connected() {
    return status == ConnectionStatus.CONNECTED;
  }

  public boolean needsReconnect() {
    return status == ConnectionStatus.NEEDS_RECONNECT;
  }

  public boolean awaitingOrganisation() {
    return status == ConnectionStatus.AWAITING_ORGANISATION;
  }
}
