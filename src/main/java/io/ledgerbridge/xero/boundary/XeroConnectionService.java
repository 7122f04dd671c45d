package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.xero.client.XeroReconnectRequired;
import io.ledgerbridge.xero.client.XeroTokenSource;
import io.ledgerbridge.xero.control.IdentityClient;
import io.ledgerbridge.xero.control.IdentityException;
import io.ledgerbridge.xero.control.PendingAuthorisation;
import io.ledgerbridge.xero.control.TokenGrant;
import io.ledgerbridge.xero.control.XeroConnectionInfo;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connecting and disconnecting: the authorisation-code flow (state and PKCE), the custom connection
 * (client credentials), choosing the organisation, and disconnecting (revoke, remove the connection
 * at Xero, forget the tokens). Xero is called outside any transaction; only the short writes of
 * {@link XeroConnectionStore} are transactional.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class XeroConnectionService {

  private static final Logger LOG = Logger.getLogger(XeroConnectionService.class.getName());

  @Inject private LedgerBridgeConfig config;
  @Inject private IdentityClient identity;
  @Inject private XeroConnectionStore store;
  @Inject private XeroConnections connections;
  @Inject private TokenKeyring keyring;

  /** Step 1: a new attempt; the caller keeps it in the session and sends the browser on. */
  public PendingAuthorisation beginAuthorisation(RequestBase base) {
    XeroSetup setup = XeroSetup.forAuthorisationCode(config, base);
    return PendingAuthorisation.start(
        setup.app().clientId(),
        setup.app().redirectUri(),
        setup.app().scopes(),
        setup.urls(),
        Instant.now());
  }

  /**
   * Step 2, at the callback: exchanges the code (with the PKCE verifier) and stores the tokens. The
   * caller has checked {@code state}. Then the admin picks the organisation.
   */
  public ConnectionView completeAuthorisation(
      PendingAuthorisation pending, String code, String actor) {
    XeroSetup setup = setupFor(pending);
    TokenGrant grant;
    try {
      grant =
          identity.exchangeCode(
              pending.urls().token(),
              pending.clientId(),
              setup.app().clientSecret(),
              code,
              pending.redirectUri(),
              pending.codeVerifier());
    } catch (IdentityException e) {
      throw new BusinessException("Xero did not complete the connection: " + e.getMessage());
    }
    if (grant.refreshToken() == null) {
      LOG.warning("Xero issued no refresh token: is offline_access among the scopes?");
    }
    store.create(ConnectionMode.AUTHORIZATION_CODE, setup.app(), pending.urls(), grant, actor);
    LOG.log(Level.INFO, "Connected to Xero by {0}; awaiting the choice of organisation", actor);
    List<XeroConnectionInfo> organisations = organisations();
    if (organisations.size() == 1) {
      // Still shown on the page; choosing it now saves a click that has only one answer.
      XeroConnectionInfo only = organisations.get(0);
      store.chooseOrganisation(only.tenantId(), only.tenantName(), only.connectionId(), actor);
    }
    return connections.current().orElseThrow();
  }

  /** The organisations the current token may use (Xero's {@code GET /connections}). */
  public List<XeroConnectionInfo> organisations() {
    XeroConnection connection =
        store
            .find()
            .orElseThrow(() -> new XeroReconnectRequired(XeroConnections.NOT_CONNECTED_MESSAGE));
    return withToken(
        token -> identity.connections(connection.getConnectionsUrl(), token),
        "list the organisations");
  }

  /** The admin picks one of the organisations the token may use. */
  public ConnectionView chooseOrganisation(String tenantId, String actor) {
    XeroConnectionInfo chosen =
        organisations().stream()
            .filter(o -> o.tenantId().equals(tenantId))
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessException.NotFound(
                        "That organisation is not among those this connection may use."));
    store.chooseOrganisation(chosen.tenantId(), chosen.tenantName(), chosen.connectionId(), actor);
    LOG.log(
        Level.INFO,
        "Xero organisation chosen by {0}: {1} ({2})",
        new Object[] {actor, chosen.tenantName(), chosen.tenantId()});
    return connections.current().orElseThrow();
  }

  /** A custom connection: client credentials bound to one organisation, chosen at once. */
  public ConnectionView connectClientCredentials(RequestBase base, String actor) {
    XeroSetup setup = XeroSetup.forCustomConnection(config, base);
    TokenGrant grant;
    List<XeroConnectionInfo> organisations;
    try {
      grant =
          identity.clientCredentials(
              setup.urls().token(),
              setup.app().clientId(),
              setup.app().clientSecret(),
              setup.app().scopes());
      organisations = identity.connections(setup.urls().connections(), grant.accessToken());
    } catch (IdentityException e) {
      throw new BusinessException("Xero refused the custom connection: " + e.getMessage());
    }
    if (organisations.isEmpty()) {
      throw new BusinessException("The custom connection is not connected to any organisation.");
    }
    store.create(ConnectionMode.CLIENT_CREDENTIALS, setup.app(), setup.urls(), grant, actor);
    XeroConnectionInfo only = organisations.get(0);
    store.chooseOrganisation(only.tenantId(), only.tenantName(), only.connectionId(), actor);
    LOG.log(
        Level.INFO,
        "Connected to Xero with a custom connection by {0}: {1}",
        new Object[] {actor, only.tenantName()});
    return connections.current().orElseThrow();
  }

  /**
   * Revokes the refresh token, removes the connection at Xero and forgets the tokens. Xero's part
   * is best effort (an already revoked token must not keep an admin from disconnecting); whatever
   * Xero says, the tokens are gone here afterwards. LedgerBridge's own data is untouched.
   *
   * @return whether there was a connection
   */
  public boolean disconnect(String actor) {
    Optional<XeroConnection> found = store.find();
    if (found.isEmpty()) {
      return false;
    }
    XeroConnection connection = found.get();
    StringBuilder notes = new StringBuilder("Disconnected from Xero");
    if (connection.getTenantName() != null) {
      notes.append(" (").append(connection.getTenantName()).append(")");
    }
    if (connection.getXeroConnectionId() != null
        && connection.getStatus() != io.ledgerbridge.xero.entity.ConnectionStatus.NEEDS_RECONNECT) {
      try {
        boolean removed =
            withToken(
                token ->
                    identity.deleteConnection(
                        connection.getConnectionsUrl(), token, connection.getXeroConnectionId()),
                "remove the connection");
        notes.append(removed ? "; connection removed at Xero" : "; Xero no longer knew it");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not remove the connection at Xero: {0}", e.getMessage());
        notes.append("; removing it at Xero failed: ").append(e.getMessage());
      }
    }
    if (connection.getRefreshTokenEncrypted() != null) {
      try {
        // Read again: the DELETE above may have rotated the refresh token.
        XeroConnection now = store.find().orElse(connection);
        identity.revoke(
            now.getRevocationUrl(),
            now.getClientId(),
            keyring.decrypt(TokenKeyring.CLIENT_SECRET, now.getClientSecretEncrypted()),
            keyring.decrypt(TokenKeyring.REFRESH, now.getRefreshTokenEncrypted()));
        notes.append("; refresh token revoked");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not revoke the Xero refresh token: {0}", e.getMessage());
        notes.append("; revoking the refresh token failed: ").append(e.getMessage());
      }
    }
    boolean removed = store.remove(actor, notes.toString());
    LOG.log(Level.INFO, "{0} by {1}", new Object[] {notes, actor});
    return removed;
  }

  /** A call with the current access token; on 401 one renewal and one retry. */
  private <T> T withToken(java.util.function.Function<String, T> call, String what) {
    XeroTokenSource tokens = connections.tokenSource();
    String token = tokens.accessToken();
    try {
      return call.apply(token);
    } catch (IdentityException e) {
      if (e.status() != 401) {
        throw new BusinessException.Unavailable("Xero did not " + what + ": " + e.getMessage());
      }
    }
    String renewed = tokens.renewAfterUnauthorized(token);
    try {
      return call.apply(renewed);
    } catch (IdentityException e) {
      throw new BusinessException.Unavailable("Xero did not " + what + ": " + e.getMessage());
    }
  }

  /** The app of an attempt: its secret is looked up again, never kept in the session. */
  private XeroSetup setupFor(PendingAuthorisation pending) {
    if (config.xeroApp().isPresent()
        && config.xeroApp().get().clientId().equals(pending.clientId())) {
      return new XeroSetup(config.xeroApp().get(), pending.urls(), false);
    }
    if (io.ledgerbridge.sandbox.control.SandboxSettings.DEMO_CLIENT_ID.equals(pending.clientId())
        && io.ledgerbridge.sandbox.control.SandboxSettings.fromConfig().enabled()) {
      return new XeroSetup(
          new LedgerBridgeConfig.XeroApp(
              pending.clientId(),
              io.ledgerbridge.sandbox.control.SandboxSettings.DEMO_CLIENT_SECRET,
              pending.redirectUri(),
              pending.scopes()),
          pending.urls(),
          true);
    }
    throw new BusinessException("The Xero app changed while connecting; connect again.");
  }
}
