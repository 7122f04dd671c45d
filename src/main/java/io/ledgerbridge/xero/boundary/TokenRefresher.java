package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.control.IdentityClient;
import io.ledgerbridge.xero.control.IdentityException;
import io.ledgerbridge.xero.control.TokenCipher;
import io.ledgerbridge.xero.control.TokenGrant;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.ConnectionStatus;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews the access token under a database lock on the connection row, so threads and nodes never
 * refresh at the same time (Xero's refresh tokens rotate: two concurrent refreshes would lose one).
 * The row is read with the lock ({@code SELECT … FOR UPDATE}, in a new transaction and persistence
 * context), so a token another thread or node obtained while this one waited is seen and used
 * rather than refreshed twice. The rotated refresh token is stored in the same transaction.
 *
 * <p>The lock is held during the call to Xero's token endpoint, so that call's time-outs ({@link
 * IdentityClient#longestCall()}) are shorter than {@link #LOCK_WAIT}, the longest anyone waits for
 * the lock. A waiter that still times out gets {@link RenewalBusy}; the caller then reads the row
 * again, since the holder has most likely renewed the token meanwhile.
 */
@Stateless
public class TokenRefresher {

  /** Renew this long before the stored expiry. */
  public static final Duration MARGIN = Duration.ofSeconds(90);

  /**
   * The longest a renewal waits for the row lock (H2's LOCK_TIMEOUT in its JDBC URL is the same).
   */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(TokenRefresher.class.getName());

  /** The row lock was not granted in time: another thread or node is renewing. */
  @ApplicationException(rollback = true)
  public static class RenewalBusy extends BusinessException.Unavailable {
    private static final long serialVersionUID = 1L;

    RenewalBusy() {
      super("Another request is renewing the Xero access token right now; try again in a moment.");
    }
  }

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
    XeroConnection connection;
    try {
      limitLockWait();
      connection =
          em.find(
              XeroConnection.class,
              XeroConnection.THE_ID,
              LockModeType.PESSIMISTIC_WRITE,
              Map.of("jakarta.persistence.lock.timeout", LOCK_WAIT.toMillis()));
    } catch (PersistenceException e) {
      LOG.log(Level.INFO, "Waited too long for the Xero renewal lock: {0}", e.getMessage());
      throw new RenewalBusy();
    }
    if (connection == null) {
      return Outcome.reconnect("Xero is not connected: an admin must connect first.");
    }
    if (connection.getStatus() == ConnectionStatus.NEEDS_RECONNECT) {
      return Outcome.reconnect(XeroConnections.NEEDS_RECONNECT_MESSAGE);
    }
    try {
      return renewLocked(connection, refusedToken, now);
    } catch (TokenCipher.TamperedException e) {
      // The values were written with another key: only connecting again helps.
      return needsReconnect(
          connection, now, "the stored tokens cannot be decrypted: the token key changed");
    }
  }

  private Outcome renewLocked(XeroConnection connection, String refusedToken, Instant now) {
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
    return Outcome.reconnect(
        why.contains("token key")
            ? XeroConnections.KEY_CHANGED_MESSAGE
            : XeroConnections.NEEDS_RECONNECT_MESSAGE);
  }

  /**
   * Bounds the wait for the row lock where the hint alone does not: EclipseLink passes {@code
   * jakarta.persistence.lock.timeout} only to databases with {@code FOR UPDATE WAIT n}.
   */
  private void limitLockWait() {
    try {
      Connection connection = em.unwrap(Connection.class);
      String product = connection.getMetaData().getDatabaseProductName();
      String sql =
          switch (product) {
            case "PostgreSQL" -> "SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'";
            case "H2" -> "SET LOCK_TIMEOUT " + LOCK_WAIT.toMillis();
            default -> null;
          };
      if (sql != null) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "Could not set the lock wait; the database default applies", e);
    }
  }
}
