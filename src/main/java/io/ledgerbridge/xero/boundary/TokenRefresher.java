package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.control.IdentityClient;
import io.ledgerbridge.xero.control.IdentityException;
import io.ledgerbridge.xero.control.TokenGrant;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.ConnectionStatus;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews the access token under a database lock on the connection row, so threads and nodes never
 * refresh at the same time (Xero's refresh tokens rotate: two concurrent refreshes would lose one).
 * The row is read with the lock ({@code SELECT … FOR UPDATE}, in a new transaction and persistence
 * context), so a token another thread or node obtained while this one waited is seen and used
 * rather than refreshed twice. The rotated refresh token is stored in the same transaction.
 */
@Stateless
public class TokenRefresher {

  /** Renew this long before the stored expiry. */
  public static final Duration MARGIN = Duration.ofSeconds(90);

  private static final Logger LOG = Logger.getLogger(TokenRefresher.class.getName());

  /** The result of one renewal attempt. Never a mix: a token, or why there is none. */
  public record Outcome(String accessToken, boolean reconnectRequired, String problem) {
    static Outcome token(String accessToken) {
      return new Outcome(accessToken, false, null);
    }

    static Outcome reconnect(String problem) {
      return new Outcome(null, true, problem);
    }

    static Outcome failed(String problem) {
      return new Outcome(null, false, problem);
    }

    @Override
    public String toString() {
      return "Outcome[token=" + (accessToken != null) + ", reconnect=" + reconnectRequired + "]";
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private TokenKeyring keyring;
  @Inject private IdentityClient identity;
  @Inject private AuditLog audit;

  /**
   * A fresh access token.
   *
   * @param refusedToken the token Xero just answered 401 to, or null for a renewal before expiry
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome renew(String refusedToken) {
    Instant now = Instant.now();
    XeroConnection connection =
        em.find(XeroConnection.class, XeroConnection.THE_ID, LockModeType.PESSIMISTIC_WRITE);
    if (connection == null) {
      return Outcome.reconnect("Xero is not connected: an admin must connect first.");
    }
    if (connection.getStatus() == ConnectionStatus.NEEDS_RECONNECT) {
      return Outcome.reconnect(XeroConnections.NEEDS_RECONNECT_MESSAGE);
    }
    String current = keyring.decrypt(TokenKeyring.ACCESS, connection.getAccessTokenEncrypted());
    if (current != null
        && !current.equals(refusedToken)
        && !connection.accessExpiresWithin(MARGIN, now)) {
      return Outcome.token(current); // renewed meanwhile by another thread or node
    }
    TokenGrant grant;
    try {
      String secret =
          keyring.decrypt(TokenKeyring.CLIENT_SECRET, connection.getClientSecretEncrypted());
      if (connection.getMode() == ConnectionMode.CLIENT_CREDENTIALS) {
        grant =
            identity.clientCredentials(
                connection.getTokenUrl(), connection.getClientId(), secret, connection.getScopes());
      } else {
        String refresh =
            keyring.decrypt(TokenKeyring.REFRESH, connection.getRefreshTokenEncrypted());
        if (refresh == null) {
          return needsReconnect(connection, now, "no refresh token is stored");
        }
        grant =
            identity.refresh(connection.getTokenUrl(), connection.getClientId(), secret, refresh);
      }
    } catch (IdentityException e) {
      if (e.isInvalidGrant() || e.isInvalidClient()) {
        return needsReconnect(connection, now, e.getMessage());
      }
      LOG.log(Level.WARNING, "Renewing the Xero access token failed: {0}", e.getMessage());
      return Outcome.failed("Xero could not renew the access token: " + e.getMessage());
    }
    connection.storeTokens(
        keyring.encrypt(TokenKeyring.ACCESS, grant.accessToken()),
        grant.accessExpiresAt(),
        grant.refreshToken() == null
            ? null
            : keyring.encrypt(TokenKeyring.REFRESH, grant.refreshToken()),
        now);
    LOG.log(
        Level.INFO,
        "Renewed the Xero access token ({0}), valid until {1}",
        new Object[] {connection.getMode(), grant.accessExpiresAt()});
    return Outcome.token(grant.accessToken());
  }

  private Outcome needsReconnect(XeroConnection connection, Instant now, String why) {
    connection.markNeedsReconnect(now);
    audit.record(
        "system",
        "xero.needs-reconnect",
        "xero",
        "Xero refused to renew the connection (" + why + "); an admin must connect again");
    LOG.log(Level.WARNING, "Xero needs reconnecting: {0}", why);
    return Outcome.reconnect(XeroConnections.NEEDS_RECONNECT_MESSAGE);
  }
}
