package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.xero.client.XeroReconnectRequired;
import io.ledgerbridge.xero.client.XeroTokenSource;
import io.ledgerbridge.xero.control.AccessTokenClaims;
import io.ledgerbridge.xero.control.IdentityClient;
import io.ledgerbridge.xero.control.IdentityException;
import io.ledgerbridge.xero.control.OrganisationChoice;
import io.ledgerbridge.xero.control.PendingAuthorisation;
import io.ledgerbridge.xero.control.TokenGrant;
import io.ledgerbridge.xero.control.XeroConnectionInfo;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.ConnectionStatus;
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
 * (client credentials), choosing the organisation, and disconnecting (for a consent: revoke and
 * remove the connection at Xero; always: forget the tokens). Xero is called outside any
 * transaction; only the short writes of {@link XeroConnectionStore} are transactional.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class XeroConnectionService {

  private static final Logger LOG = Logger.getLogger(XeroConnectionService.class.getName());
  private static final String NOTHING_CHANGED = " Nothing changed.";

  @Inject private LedgerBridgeConfig config;
  @Inject private IdentityClient identity;
  @Inject private XeroConnectionStore store;
  @Inject private XeroConnections connections;
  @Inject private TokenKeyring keyring;
  @Inject private ReferenceRefresher reference;

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
   * Step 2, at the callback: exchanges the code (with the PKCE verifier), lists the organisations
   * the new token may use, and only then replaces the previous connection, in one transaction — so
   * any failure before that leaves the previous connection as it was. The organisation chosen
   * before is kept if the new token may use it; otherwise the admin picks one (the only one is
   * picked without asking when none was chosen before). The caller has taken the attempt whose
   * {@code state} came back.
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
      throw new BusinessException(
          "Xero did not complete the connection: " + e.getMessage() + NOTHING_CHANGED);
    }
    if (!grant.grantsOfflineAccess()) {
      throw new BusinessException(
          "Xero did not grant offline_access, so LedgerBridge could not renew its access after"
              + " 30 minutes: add offline_access to "
              + LedgerBridgeConfig.XERO_SCOPES
              + " (docs/xero.md, \"Connecting to Xero\") and connect again."
              + NOTHING_CHANGED);
    }
    String authEventId = AccessTokenClaims.authEventId(grant.accessToken()).orElse(null);
    List<XeroConnectionInfo> offered;
    try {
      offered =
          OrganisationChoice.offered(
              identity.connections(pending.urls().connections(), grant.accessToken()), authEventId);
    } catch (IdentityException e) {
      throw new BusinessException(
          "Xero did not list the organisations of the connection: "
              + e.getMessage()
              + NOTHING_CHANGED);
    }
    if (offered.isEmpty()) {
      throw new BusinessException(
          "Xero lists no organisation for this connection: allow at least one organisation on"
              + " Xero's consent page."
              + NOTHING_CHANGED);
    }
    String previous = store.find().map(XeroConnection::getTenantId).orElse(null);
    Optional<XeroConnectionInfo> chosen =
        OrganisationChoice.automatic(offered, previous, authEventId);
    XeroConnectionStore.Replaced replaced =
        store.replace(
            ConnectionMode.AUTHORIZATION_CODE, setup.app(), pending.urls(), grant, chosen, actor);
    LOG.log(
        Level.INFO,
        "Connected to Xero by {0}: {1}",
        new Object[] {
          actor, chosen.map(XeroConnectionInfo::displayName).orElse("awaiting the organisation")
        });
    revokeReplaced(replaced, grant);
    if (chosen.isPresent()) {
      downloadReference(actor);
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
        token ->
            OrganisationChoice.offered(
                identity.connections(connection.getConnectionsUrl(), token),
                AccessTokenClaims.authEventId(token).orElse(null)),
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
    store.chooseOrganisation(chosen, actor);
    LOG.log(
        Level.INFO,
        "Xero organisation chosen by {0}: {1} ({2})",
        new Object[] {actor, chosen.displayName(), chosen.tenantId()});
    downloadReference(actor);
    return connections.current().orElseThrow();
  }

  /**
   * A custom connection: client credentials bound to one organisation, chosen at once. Like a
   * consent, it replaces the previous connection only once Xero has answered.
   */
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
      organisations =
          OrganisationChoice.offered(
              identity.connections(setup.urls().connections(), grant.accessToken()), null);
    } catch (IdentityException e) {
      throw new BusinessException(
          "Xero refused the custom connection: " + e.getMessage() + NOTHING_CHANGED);
    }
    if (organisations.isEmpty()) {
      throw new BusinessException(
          "The custom connection is not connected to any organisation." + NOTHING_CHANGED);
    }
    XeroConnectionInfo only = organisations.get(0);
    XeroConnectionStore.Replaced replaced =
        store.replace(
            ConnectionMode.CLIENT_CREDENTIALS,
            setup.app(),
            setup.urls(),
            grant,
            Optional.of(only),
            actor);
    LOG.log(
        Level.INFO,
        "Connected to Xero with a custom connection by {0}: {1}",
        new Object[] {actor, only.displayName()});
    revokeReplaced(replaced, grant);
    downloadReference(actor);
    return connections.current().orElseThrow();
  }

  /**
   * Once an organisation is chosen its reference data (chart of accounts, tax rates, tracking,
   * currencies) downloads by itself, since settings can use nothing before it. The connection
   * stands if Xero does not answer now: the organisation page then offers "Refresh from Xero".
   */
  private void downloadReference(String actor) {
    try {
      reference.refresh(actor);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Connected, but the reference data could not be downloaded yet ({0}); Refresh from Xero"
              + " on the organisation page downloads it.",
          String.valueOf(e.getMessage()));
    }
  }

  /**
   * Disconnects and forgets the tokens; LedgerBridge's own data is untouched. For a consent
   * (authorisation code): revokes the refresh token and removes the connection at Xero. A custom
   * connection is left alone at Xero: removing it there would end the paid connection itself, and
   * its client-credentials tokens cannot be revoked (they simply expire). Xero's part is best
   * effort (an already revoked token must not keep an admin from disconnecting); whatever Xero
   * says, the tokens are gone here afterwards.
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
    if (connection.getMode() == ConnectionMode.CLIENT_CREDENTIALS) {
      notes.append("; custom connection left in place at Xero, tokens forgotten");
    } else {
      disconnectAtXero(connection, notes);
    }
    boolean removed = store.remove(actor, notes.toString());
    LOG.log(Level.INFO, "{0} by {1}", new Object[] {notes, actor});
    return removed;
  }

  private void disconnectAtXero(XeroConnection connection, StringBuilder notes) {
    if (connection.getXeroConnectionId() != null
        && connection.getStatus() != ConnectionStatus.NEEDS_RECONNECT) {
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
  }

  /**
   * Revokes the refresh token a (re)connect replaced, best effort. Xero's revocation removes all of
   * that user's connections to the app, so a token of the same Xero user (or of an unknown one) is
   * left to expire rather than revoked: revoking it would also remove the connection just made.
   */
  private void revokeReplaced(XeroConnectionStore.Replaced replaced, TokenGrant grant) {
    if (!replaced.hasRefreshToken()) {
      return;
    }
    Optional<String> newUser = AccessTokenClaims.userId(grant.accessToken());
    if (replaced.xeroUserId() == null
        || newUser.isEmpty()
        || replaced.xeroUserId().equals(newUser.get())) {
      LOG.info(
          "The replaced Xero refresh token is not revoked: it may belong to the user who just"
              + " connected, and revoking would remove their new connection too");
      return;
    }
    try {
      identity.revoke(
          replaced.revocationUrl(),
          replaced.clientId(),
          replaced.clientSecret(),
          replaced.refreshToken());
      LOG.info("Revoked the replaced Xero refresh token");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not revoke the replaced Xero refresh token: {0}", e.getMessage());
    }
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
    Optional<LedgerBridgeConfig.XeroApp> demo =
        config.demoXeroApp().filter(app -> app.clientId().equals(pending.clientId()));
    if (demo.isPresent()) {
      return new XeroSetup(
          new LedgerBridgeConfig.XeroApp(
              pending.clientId(),
              demo.get().clientSecret(),
              pending.redirectUri(),
              pending.scopes()),
          pending.urls(),
          true);
    }
    throw new BusinessException("The Xero app changed while connecting; connect again.");
  }
}
