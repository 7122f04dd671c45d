package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.xero.client.XeroApiUsage;
import io.ledgerbridge.xero.client.XeroReconnectRequired;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.XeroTokenSource;
import io.ledgerbridge.xero.control.TokenCipher;
import io.ledgerbridge.xero.entity.ConnectionStatus;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * What the rest of LedgerBridge uses to reach the connected organisation: its {@link XeroTarget}
 * (API URL, tenant id, and this connection's token source). Tokens are read from the vault on every
 * call, so a token renewed on another node is picked up.
 */
@ApplicationScoped
public class XeroConnections {

  public static final String NEEDS_RECONNECT_MESSAGE =
      "Xero needs reconnecting — an admin must connect again.";
  public static final String KEY_CHANGED_MESSAGE =
      "Xero needs reconnecting — the stored Xero tokens cannot be decrypted because the token key"
          + " (ledgerbridge.xero.token-key or its key file) changed. An admin must connect again.";
  public static final String NOT_CONNECTED_MESSAGE =
      "Xero is not connected: an admin must connect an organisation first.";

  @Inject private XeroConnectionStore store;
  @Inject private XeroApiUsage usage;
  @Inject private TokenKeyring keyring;
  @Inject private TokenRefresher refresher;

  private final XeroTokenSource tokens = new VaultTokenSource();

  /** The chosen organisation's target, if connected and usable. */
  public Optional<XeroTarget> target() {
    return store
        .find()
        .filter(XeroConnection::isUsable)
        .map(c -> new XeroTarget(c.getApiUrl(), c.getTenantId(), tokens));
  }

  /**
   * The chosen organisation's target.
   *
   * @throws XeroReconnectRequired when not connected or the connection needs reconnecting
   */
  public XeroTarget requireTarget() {
    Optional<XeroConnection> connection = store.find();
    if (connection.isPresent() && connection.get().isUsable()) {
      XeroConnection c = connection.get();
      return new XeroTarget(c.getApiUrl(), c.getTenantId(), tokens);
    }
    throw new XeroReconnectRequired(
        connection.isPresent() && connection.get().getStatus() == ConnectionStatus.NEEDS_RECONNECT
            ? NEEDS_RECONNECT_MESSAGE
            : NOT_CONNECTED_MESSAGE);
  }

  /** The connection as shown to people (no tokens), if there is one. */
  public Optional<ConnectionView> current() {
    return store
        .find()
        .map(c -> ConnectionView.of(c, Instant.now()))
        .map(
            v -> {
              if (v.tenantId() == null) {
                return v;
              }
              XeroApiUsage.Snapshot budget = usage.snapshot(v.tenantId());
              return budget == null || budget.observedAt() == null
                  ? v
                  : v.withCallsLeft(
                      new ConnectionView.CallsLeft(
                          budget.minuteRemaining(), budget.dayRemaining(), budget.observedAt()));
            });
  }

  /** The token source of the current connection (also for calls made before an org is chosen). */
  public XeroTokenSource tokenSource() {
    return tokens;
  }

  /** Reads the stored token and renews it under the database lock when it is about to expire. */
  private final class VaultTokenSource implements XeroTokenSource {

    @Override
    public String accessToken() {
      XeroConnection connection =
          store.find().orElseThrow(() -> new XeroReconnectRequired(NOT_CONNECTED_MESSAGE));
      if (connection.getStatus() == ConnectionStatus.NEEDS_RECONNECT) {
        throw new XeroReconnectRequired(NEEDS_RECONNECT_MESSAGE);
      }
      if (!connection.accessExpiresWithin(TokenRefresher.MARGIN, Instant.now())) {
        try {
          return keyring.decrypt(TokenKeyring.ACCESS, connection.getAccessTokenEncrypted());
        } catch (TokenCipher.TamperedException e) {
          // Under the lock, the refresher finds the same and marks the connection.
          return renew(null);
        }
      }
      return renew(null);
    }

    @Override
    public String renewAfterUnauthorized(String refusedToken) {
      return renew(refusedToken);
    }

    private String renew(String refused) {
      TokenRefresher.Outcome outcome;
      try {
        outcome = refresher.renew(refused);
      } catch (TokenRefresher.RenewalBusy busy) {
        return renewedMeanwhile(refused).orElseThrow(() -> busy);
      }
      if (outcome.accessToken() != null) {
        return outcome.accessToken();
      }
      if (outcome.reconnectRequired()) {
        throw new XeroReconnectRequired(outcome.problem());
      }
      throw new BusinessException.Unavailable(outcome.problem());
    }

    /** After a lock time-out: the token the lock holder (likely) stored, if it is usable. */
    private Optional<String> renewedMeanwhile(String refused) {
      Optional<XeroConnection> now = store.find();
      if (now.isEmpty()
          || now.get().getStatus() == ConnectionStatus.NEEDS_RECONNECT
          || now.get().accessExpiresWithin(TokenRefresher.MARGIN, Instant.now())) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(
                keyring.decrypt(TokenKeyring.ACCESS, now.get().getAccessTokenEncrypted()))
            .filter(token -> !token.equals(refused));
      } catch (TokenCipher.TamperedException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return "XeroTokenSource[vault]";
    }
  }
}
