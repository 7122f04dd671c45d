package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.security.PasswordHasher;
import io.ledgerbridge.sandbox.control.SandboxSeed;
import io.ledgerbridge.sandbox.control.SandboxSettings;
import io.ledgerbridge.sandbox.entity.SandboxConnection;
import io.ledgerbridge.sandbox.entity.SandboxGrant;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox's identity server: the demo app's consent, authorisation codes, access and refresh
 * tokens (rotating, with Xero's grace period), client credentials for the custom connection,
 * revocation and the connections list — with Xero's error answers.
 */
@Stateless
public class SandboxIdentity {

  /** A registered app. The demo app's custom connection is bound to the demo organisation. */
  public record Client(
      String id, String secret, List<String> redirectUris, String customConnectionOrg) {}

  /** Who an access token speaks for. */
  public record AccessGrant(
      String clientId,
      String subject,
      String authEventId,
      List<String> tenantIds,
      boolean customConnection,
      Instant expiresAt) {}

  /** An answer of the token endpoint: the HTTP status and its JSON body. */
  public record TokenAnswer(int status, JsonObject body) {
    static TokenAnswer error(String error) {
      return new TokenAnswer(400, JsonFactory.createObjectBuilder().add("error", error).build());
    }
  }

  /** The sandbox's users, who sign in on the consent page. */
  public static final Map<String, String> USERS =
      Map.of("accountant@demo.ledgerbridge", "demo", "owner@demo.ledgerbridge", "demo");

  public static final String CUSTOM_CONNECTION_SUBJECT = "custom-connection";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter EXPIRED_AT =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

  @PersistenceContext private EntityManager em;

  public static Client demoClient(SandboxSettings settings) {
    List<String> uris =
        new java.util.ArrayList<>(List.of("http://localhost:8080/ledgerbridge/xero/callback"));
    uris.addAll(settings.extraRedirectUris());
    return new Client(
        LedgerBridgeConfig.demoAppClientId(),
        LedgerBridgeConfig.demoAppClientSecret(),
        List.copyOf(uris),
        SandboxSeed.DEMO_ORG_ID);
  }

  /**
   * Whether a redirect URI is registered for the client. Like RFC 8252 (§7.3) for loopback
   * redirects, the demo app's {@code http://localhost} URIs match on any port and on any loopback
   * host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), so the demo works whichever address
   * the browser used; a simplification of Xero, which wants each URI registered exactly.
   */
  public static boolean redirectAllowed(Client client, String redirectUri) {
    if (redirectUri == null) {
      return false;
    }
    for (String registered : client.redirectUris()) {
      if (registered.equals(redirectUri)) {
        return true;
      }
      try {
        URI a = URI.create(registered);
        URI b = URI.create(redirectUri);
        if (isLoopback(a.getHost())
            && isLoopback(b.getHost())
            && "http".equals(b.getScheme())
            && a.getPath().equals(b.getPath())
            && b.getQuery() == null
            && b.getFragment() == null) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    return "localhost".equalsIgnoreCase(host)
        || "127.0.0.1".equals(host)
        || "[::1]".equals(host)
        || "::1".equals(host);
  }

  /** After consent: connects the chosen organisations and issues a five-minute code. */
  public String issueCode(
      Client client,
      String subject,
      List<String> tenantIds,
      String scope,
      String redirectUri,
      String codeChallenge,
      SandboxSettings settings) {
    Instant now = Instant.now();
    String authEventId = UUID.randomUUID().toString();
    for (String tenantId : tenantIds) {
      List<SandboxConnection> existing =
          connections(client.id(), subject).stream()
              .filter(c -> c.getTenantId().equals(tenantId))
              .toList();
      if (existing.isEmpty()) {
        em.persist(new SandboxConnection(client.id(), subject, tenantId, authEventId, now));
      } else {
        existing.get(0).reconnect(authEventId, now);
      }
    }
    String code = random(32);
    em.persist(
        new SandboxGrant(
                hash(code),
                SandboxGrant.Kind.CODE,
                client.id(),
                subject,
                authEventId,
                tenantIds,
                scope,
                now,
                settings.codeLifetime())
            .forAuthorisationCode(redirectUri, codeChallenge));
    return code;
  }

  /** {@code POST /connect/token}. */
  public TokenAnswer token(Client client, Map<String, String> form, SandboxSettings settings) {
    String grantType = form.getOrDefault("grant_type", "");
    Instant now = Instant.now();
    switch (grantType) {
      case "authorization_code":
        {
          SandboxGrant code = grant(form.get("code"), SandboxGrant.Kind.CODE).orElse(null);
          if (code == null
              || !code.getClientId().equals(client.id())
              || !code.isRedeemable(now, Duration.ZERO)
              || !code.getRedirectUri().equals(form.get("redirect_uri"))
              || !pkceMatches(code.getCodeChallenge(), form.get("code_verifier"))) {
            return TokenAnswer.error("invalid_grant");
          }
          code.markUsed(now);
          return issueTokens(
              client,
              code.getSubject(),
              code.getAuthEventId(),
              code.tenantIds(),
              code.getScope(),
              true,
              settings,
              now);
        }
      case "refresh_token":
        {
          SandboxGrant refresh =
              grant(form.get("refresh_token"), SandboxGrant.Kind.REFRESH).orElse(null);
          if (refresh == null
              || !refresh.getClientId().equals(client.id())
              || !refresh.isRedeemable(now, settings.refreshGrace())) {
            return TokenAnswer.error("invalid_grant");
          }
          refresh.markUsed(now);
          return issueTokens(
              client,
              refresh.getSubject(),
              refresh.getAuthEventId(),
              refresh.tenantIds(),
              refresh.getScope(),
              true,
              settings,
              now);
        }
      case "client_credentials":
        {
          if (client.customConnectionOrg() == null) {
            return TokenAnswer.error("unauthorized_client");
          }
          String scope =
              form.getOrDefault(
                  "scope",
                  "accounting.transactions accounting.contacts accounting.settings"
                      + " accounting.reports.read");
          return issueTokens(
              client,
              CUSTOM_CONNECTION_SUBJECT,
              null,
              List.of(client.customConnectionOrg()),
              scope,
              false,
              settings,
              now);
        }
      default:
        return TokenAnswer.error("unsupported_grant_type");
    }
  }

  private TokenAnswer issueTokens(
      Client client,
      String subject,
      String authEventId,
      List<String> tenantIds,
      String scope,
      boolean user,
      SandboxSettings settings,
      Instant now) {
    String access =
        jwt(
            client.id(),
            subject,
            authEventId,
            scope,
            now,
            now.plus(settings.accessTokenLifetime()));
    em.persist(
        new SandboxGrant(
            hash(access),
            SandboxGrant.Kind.ACCESS,
            client.id(),
            subject,
            authEventId,
            tenantIds,
            scope,
            now,
            settings.accessTokenLifetime()));
    JsonObjectBuilder body = JsonFactory.createObjectBuilder();
    if (user) {
      body.add(
          "id_token",
          jwt(client.id(), subject, authEventId, "openid", now, now.plus(Duration.ofMinutes(5))));
    }
    body.add("access_token", access)
        .add("expires_in", settings.accessTokenLifetime().toSeconds())
        .add("token_type", "Bearer");
    if (user && scope != null && List.of(scope.split(" ")).contains("offline_access")) {
      String refresh = random(32);
      em.persist(
          new SandboxGrant(
              hash(refresh),
              SandboxGrant.Kind.REFRESH,
              client.id(),
              subject,
              authEventId,
              tenantIds,
              scope,
              now,
              settings.refreshTokenLifetime()));
      body.add("refresh_token", refresh);
    }
    body.add("scope", scope == null ? "" : scope);
    return new TokenAnswer(200, body.build());
  }

  /**
   * {@code POST /connect/revocation}: the refresh token stops working and the user's connections
   * go.
   */
  public void revoke(Client client, String token) {
    grant(token, SandboxGrant.Kind.REFRESH)
        .filter(g -> g.getClientId().equals(client.id()))
        .ifPresent(
            g -> {
              g.revoke();
              connections(client.id(), g.getSubject()).forEach(em::remove);
            });
  }

  /** Console: every live access token expires now, so the next call gets 401 TokenExpired. */
  public int expireAccessTokens() {
    Instant now = Instant.now();
    List<SandboxGrant> live = grants(SandboxGrant.Kind.ACCESS);
    live.forEach(g -> g.expireNow(now));
    return live.size();
  }

  /** Console: used refresh tokens are past their grace period; reusing one gives invalid_grant. */
  public int endRefreshGrace(SandboxSettings settings) {
    Instant now = Instant.now();
    List<SandboxGrant> refresh = grants(SandboxGrant.Kind.REFRESH);
    refresh.forEach(g -> g.endGrace(now, settings.refreshGrace()));
    return refresh.size();
  }

  /**
   * Console: every refresh token is revoked (as when the user removes the app at Xero), so the next
   * refresh gives invalid_grant. Connections stay.
   */
  public int revokeRefreshTokens() {
    List<SandboxGrant> refresh = grants(SandboxGrant.Kind.REFRESH);
    refresh.forEach(SandboxGrant::revoke);
    return refresh.size();
  }

  /** Console: every connection made at the consent page, oldest first. */
  public List<SandboxConnection> allConnections() {
    return em.createQuery(
            "SELECT c FROM SandboxConnection c ORDER BY c.createdAt", SandboxConnection.class)
        .getResultList();
  }

  private List<SandboxGrant> grants(SandboxGrant.Kind kind) {
    return em.createQuery(
            "SELECT g FROM SandboxGrant g WHERE g.kind = :kind AND g.revoked = false",
            SandboxGrant.class)
        .setParameter("kind", kind)
        .getResultList();
  }

  /** The access token behind a Bearer header, if it was issued and has not been revoked. */
  public Optional<SandboxGrant> accessGrant(String token) {
    return grant(token, SandboxGrant.Kind.ACCESS).filter(g -> !g.isRevoked());
  }

  /** The Xero text for an expired token: "TokenExpired: token expired at 07/02/2024 01:10:00". */
  public static String expiredDetail(SandboxGrant grant) {
    return "TokenExpired: token expired at " + EXPIRED_AT.format(grant.getExpiresAt());
  }

  /** The organisations an access token may use now: its own, while still connected. */
  public List<String> connectedTenants(SandboxGrant grant) {
    if (CUSTOM_CONNECTION_SUBJECT.equals(grant.getSubject())) {
      return grant.tenantIds();
    }
    List<String> connected =
        connections(grant.getClientId(), grant.getSubject()).stream()
            .map(SandboxConnection::getTenantId)
            .toList();
    return grant.tenantIds().stream().filter(connected::contains).toList();
  }

  public List<SandboxConnection> connections(String clientId, String subject) {
    return em.createQuery(
            "SELECT c FROM SandboxConnection c WHERE c.clientId = :client"
                + " AND c.subject = :subject ORDER BY c.createdAt",
            SandboxConnection.class)
        .setParameter("client", clientId)
        .setParameter("subject", subject)
        .getResultList();
  }

  /** {@code GET /connections} for a token, optionally only those of one consent. */
  public JsonArrayBuilder connectionsJson(
      SandboxGrant grant, String authEventId, Map<String, String> orgNames) {
    JsonArrayBuilder list = JsonFactory.createArrayBuilder();
    DateTimeFormatter utc =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);
    if (CUSTOM_CONNECTION_SUBJECT.equals(grant.getSubject())) {
      for (String tenant : grant.tenantIds()) {
        list.add(
            connectionJson(
                UUID.nameUUIDFromBytes(tenant.getBytes(StandardCharsets.UTF_8)).toString(),
                "",
                tenant,
                orgNames.get(tenant),
                utc.format(Instant.EPOCH),
                utc.format(Instant.EPOCH)));
      }
      return list;
    }
    for (SandboxConnection c : connections(grant.getClientId(), grant.getSubject())) {
      if (authEventId == null || authEventId.equals(c.getAuthEventId())) {
        list.add(
            connectionJson(
                c.getId(),
                c.getAuthEventId(),
                c.getTenantId(),
                orgNames.get(c.getTenantId()),
                utc.format(c.getCreatedAt()),
                utc.format(c.getUpdatedAt())));
      }
    }
    return list;
  }

  private static JsonObjectBuilder connectionJson(
      String id, String authEventId, String tenantId, String name, String created, String updated) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("id", id)
            .add("authEventId", authEventId)
            .add("tenantId", tenantId)
            .add("tenantType", "ORGANISATION");
    if (name == null) {
      json.addNull("tenantName");
    } else {
      json.add("tenantName", name);
    }
    return json.add("createdDateUtc", created).add("updatedDateUtc", updated);
  }

  /** {@code DELETE /connections/{id}}: whether a connection of this token's user was removed. */
  public boolean deleteConnection(SandboxGrant grant, String connectionId) {
    for (SandboxConnection c : connections(grant.getClientId(), grant.getSubject())) {
      if (c.getId().equals(connectionId)) {
        em.remove(c);
        return true;
      }
    }
    return false;
  }

  private Optional<SandboxGrant> grant(String token, SandboxGrant.Kind kind) {
    if (token == null || token.isBlank() || token.length() > 4000) {
      return Optional.empty();
    }
    return em
        .createQuery("SELECT g FROM SandboxGrant g WHERE g.tokenHash = :hash", SandboxGrant.class)
        .setParameter("hash", hash(token.trim()))
        .getResultList()
        .stream()
        .filter(g -> g.getKind() == kind)
        .findFirst();
  }

  static boolean pkceMatches(String challenge, String verifier) {
    if (challenge == null || challenge.isEmpty()) {
      return true;
    }
    if (verifier == null) {
      return false;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return MessageDigest.isEqual(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(digest)
              .getBytes(StandardCharsets.US_ASCII),
          challenge.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String token) {
    return PasswordHasher.tokenHash(token);
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** A JWT-shaped token like Xero's (not verifiable: the sandbox publishes no keys). */
  private static String jwt(
      String clientId,
      String subject,
      String authEventId,
      String scope,
      Instant now,
      Instant expires) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"RS256\",\"kid\":\"ledgerbridge-sandbox\",\"typ\":\"JWT\"}";
    JsonObjectBuilder payload =
        JsonFactory.createObjectBuilder()
            .add("nbf", now.getEpochSecond())
            .add("exp", expires.getEpochSecond())
            .add("iss", "https://identity.xero.com")
            .add("aud", "https://identity.xero.com/resources")
            .add("client_id", clientId)
            .add("sub", subject)
            .add(
                "xero_userid",
                UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8)).toString())
            .add("jti", UUID.randomUUID().toString());
    if (authEventId != null) {
      payload.add("authentication_event_id", authEventId);
    }
    JsonArrayBuilder scopes = JsonFactory.createArrayBuilder();
    if (scope != null) {
      for (String s : scope.split(" ")) {
        if (!s.isBlank()) {
          scopes.add(s);
        }
      }
    }
    payload.add("scope", scopes);
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.build().toString().getBytes(StandardCharsets.UTF_8))
        + "."
        + random(64);
  }
}
