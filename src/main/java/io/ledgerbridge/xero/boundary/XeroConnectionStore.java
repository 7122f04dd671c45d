package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroApp;
import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroUrls;
import io.ledgerbridge.xero.control.TokenGrant;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The connection row: reads, and the short transactions that change it (with their audit). */
@Stateless
public class XeroConnectionStore {

  @PersistenceContext private EntityManager em;
  @Inject private TokenKeyring keyring;
  @Inject private AuditLog audit;

  public Optional<XeroConnection> find() {
    return Optional.ofNullable(em.find(XeroConnection.class, XeroConnection.THE_ID));
  }

  /** Replaces any previous connection with a new one holding fresh tokens. */
  public XeroConnection create(
      ConnectionMode mode, XeroApp app, XeroUrls urls, TokenGrant grant, String actor) {
    Instant now = Instant.now();
    XeroConnection old =
        em.find(XeroConnection.class, XeroConnection.THE_ID, LockModeType.PESSIMISTIC_WRITE);
    if (old != null) {
      em.remove(old);
      em.flush();
    }
    XeroConnection connection =
        new XeroConnection(
            mode,
            app.clientId(),
            keyring.encrypt(TokenKeyring.CLIENT_SECRET, app.clientSecret()),
            app.scopes(),
            urls.token(),
            urls.revocation(),
            urls.connections(),
            urls.api(),
            now,
            actor);
    connection.storeTokens(
        keyring.encrypt(TokenKeyring.ACCESS, grant.accessToken()),
        grant.accessExpiresAt(),
        grant.refreshToken() == null
            ? null
            : keyring.encrypt(TokenKeyring.REFRESH, grant.refreshToken()),
        now);
    em.persist(connection);
    audit.record(actor, "xero.connect", "xero", "Connected to Xero (" + mode + ")");
    return connection;
  }

  public XeroConnection chooseOrganisation(
      String tenantId, String tenantName, String xeroConnectionId, String actor) {
    XeroConnection connection =
        em.find(XeroConnection.class, XeroConnection.THE_ID, LockModeType.PESSIMISTIC_WRITE);
    if (connection == null) {
      throw new io.ledgerbridge.xero.client.XeroReconnectRequired(
          "Xero is not connected: an admin must connect first.");
    }
    connection.chooseOrganisation(tenantId, tenantName, xeroConnectionId);
    audit.record(
        actor,
        "xero.organisation",
        "xero",
        "Chose the Xero organisation " + tenantName + " (" + tenantId + ")");
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
}
