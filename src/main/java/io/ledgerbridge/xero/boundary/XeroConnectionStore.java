package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroApp;
import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroUrls;
import io.ledgerbridge.xero.control.AccessTokenClaims;
import io.ledgerbridge.xero.control.TokenGrant;
import io.ledgerbridge.xero.control.XeroConnectionInfo;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The connection row: reads, and the short transactions that change it (with their audit). */
@Stateless
public class XeroConnectionStore {

  private static final Logger LOG = Logger.getLogger(XeroConnectionStore.class.getName());

  /**
   * What a (re)connect replaced, for revoking its refresh token afterwards; all null when there was
   * nothing to revoke. {@code toString} leaves the secrets out.
   *
   * @param xeroUserId the Xero user of the replaced token, when known
   */
  public record Replaced(
      String revocationUrl,
      String clientId,
      String clientSecret,
      String refreshToken,
      String xeroUserId) {
    static final Replaced NOTHING = new Replaced(null, null, null, null, null);

    public boolean hasRefreshToken() {
      return refreshToken != null;
    }

    @Override
    public String toString() {
      return "Replaced[refreshToken=" + (refreshToken != null) + "]";
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private TokenKeyring keyring;
  @Inject private AuditLog audit;

  public Optional<XeroConnection> find() {
    return Optional.ofNullable(em.find(XeroConnection.class, XeroConnection.THE_ID));
  }

  /**
   * Stores a new connection, replacing the previous one in place (one transaction, so a failure
   * leaves the previous one as it was), with the organisation already chosen when {@code chosen} is
   * given.
   *
   * @throws BusinessException.Conflict when another connect created the row at the same moment
   */
  public Replaced replace(
      ConnectionMode mode,
      XeroApp app,
      XeroUrls urls,
      TokenGrant grant,
      Optional<XeroConnectionInfo> chosen,
      String actor) {
    Instant now = Instant.now();
    XeroConnection old =
        em.find(XeroConnection.class, XeroConnection.THE_ID, LockModeType.PESSIMISTIC_WRITE);
    Replaced replaced = old == null ? Replaced.NOTHING : replacedBy(old);
    String secret = keyring.encrypt(TokenKeyring.CLIENT_SECRET, app.clientSecret());
    XeroConnection connection = old;
    if (connection == null) {
      connection =
          new XeroConnection(
              mode,
              app.clientId(),
              secret,
              app.scopes(),
              urls.token(),
              urls.revocation(),
              urls.connections(),
              urls.api(),
              now,
              actor);
    } else {
      connection.reconnect(
          mode,
          app.clientId(),
          secret,
          app.scopes(),
          urls.token(),
          urls.revocation(),
          urls.connections(),
          urls.api(),
          now,
          actor);
    }
    connection.storeTokens(
        keyring.encrypt(TokenKeyring.ACCESS, grant.accessToken()),
        grant.accessExpiresAt(),
        grant.refreshToken() == null
            ? null
            : keyring.encrypt(TokenKeyring.REFRESH, grant.refreshToken()),
        now);
    if (chosen.isPresent()) {
      XeroConnectionInfo c = chosen.get();
      connection.chooseOrganisation(c.tenantId(), c.displayName(), c.connectionId());
    }
    if (old == null) {
      try {
        em.persist(connection);
        em.flush();
      } catch (PersistenceException e) {
        // Two connects at once (a double click, a retried PUT, two tabs): the other one won.
        throw new BusinessException.Conflict(
            "Another connection to Xero was being made at the same moment and was kept; reload to"
                + " see it, or connect again.");
      }
    }
    audit.record(
        actor,
        "xero.connect",
        "xero",
        "Connected to Xero ("
            + mode
            + chosen.map(c -> ", organisation " + c.displayName()).orElse("")
            + ")");
    return replaced;
  }

  public XeroConnection chooseOrganisation(XeroConnectionInfo chosen, String actor) {
    XeroConnection connection =
        em.find(XeroConnection.class, XeroConnection.THE_ID, LockModeType.PESSIMISTIC_WRITE);
    if (connection == null) {
      throw new io.ledgerbridge.xero.client.XeroReconnectRequired(
          "Xero is not connected: an admin must connect first.");
    }
    connection.chooseOrganisation(chosen.tenantId(), chosen.displayName(), chosen.connectionId());
    audit.record(
        actor,
        "xero.organisation",
        "xero",
        "Chose the Xero organisation " + chosen.displayName() + " (" + chosen.tenantId() + ")");
    return connection;
  }

  /** Forgets the connection and its tokens; LedgerBridge's own data is untouched. */
  public boolean remove(String actor, String details) {
    XeroConnection connection =
        em.find(XeroConnection.class, XeroConnection.THE_ID, LockModeType.PESSIMISTIC_WRITE);
    if (connection == null) {
      return false;
    }
    em.remove(connection);
    audit.record(actor, "xero.disconnect", "xero", details);
    return true;
  }

  private Replaced replacedBy(XeroConnection old) {
    if (old.getRefreshTokenEncrypted() == null) {
      return Replaced.NOTHING;
    }
    try {
      return new Replaced(
          old.getRevocationUrl(),
          old.getClientId(),
          keyring.decrypt(TokenKeyring.CLIENT_SECRET, old.getClientSecretEncrypted()),
          keyring.decrypt(TokenKeyring.REFRESH, old.getRefreshTokenEncrypted()),
          AccessTokenClaims.userId(
                  keyring.decrypt(TokenKeyring.ACCESS, old.getAccessTokenEncrypted()))
              .orElse(null));
    } catch (RuntimeException e) {
      // Unreadable (the token key changed): nothing that could be revoked.
      LOG.log(Level.INFO, "The replaced Xero tokens cannot be read: {0}", e.getMessage());
      return Replaced.NOTHING;
    }
  }
}
