package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity client against a small local HTTP server answering as Xero's identity server does:
 * the requests it sends, and how it reads answers and errors.
 */
class IdentityClientTest {

  private static final Instant NOW = Instant.parse("2026-11-29T23:00:00Z");

  private HttpServer server;
  private String base;
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private volatile int status = 200;
  private volatile String answer = "";

  private final IdentityClient client =
      new IdentityClient(IdentityClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    seen.put("method", exchange.getRequestMethod());
    seen.put("path", exchange.getRequestURI().getPath());
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    seen.put("authorization", authorization == null ? "" : authorization);
    seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private Map<String, String> form() {
    Map<String, String> form = new HashMap<>();
    for (String pair : seen.get("body").split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void exchangesTheCodeWithBasicAuthAndTheVerifier() {
    answer =
        "{\"id_token\":\"i\",\"access_token\":\"a-1\",\"expires_in\":1800,\"token_type\":\"Bearer\","
            + "\"refresh_token\":\"r-1\",\"scope\":\"openid offline_access\"}";
    TokenGrant grant =
        client.exchangeCode(
            base + "/connect/token",
            "app",
            "s:cret",
            "the-code",
            "http://localhost/cb",
            "verifier");
    assertEquals("a-1", grant.accessToken());
    assertEquals("r-1", grant.refreshToken());
    assertEquals(NOW.plusSeconds(1800), grant.accessExpiresAt());
    assertFalse(grant.toString().contains("a-1"));
    assertFalse(grant.toString().contains("r-1"));
    assertEquals("POST", seen.get("method"));
    assertEquals(
        "Basic "
            + Base64.getEncoder().encodeToString("app:s%3Acret".getBytes(StandardCharsets.UTF_8)),
        seen.get("authorization"));
    Map<String, String> form = form();
    assertEquals("authorization_code", form.get("grant_type"));
    assertEquals("the-code", form.get("code"));
    assertEquals("http://localhost/cb", form.get("redirect_uri"));
    assertEquals("verifier", form.get("code_verifier"));
  }

  @Test
  void clientCredentialsAskForTheScopesAndGetNoRefreshToken() {
    answer = "{\"access_token\":\"a-2\",\"expires_in\":600,\"token_type\":\"Bearer\"}";
    TokenGrant grant =
        client.clientCredentials(base + "/connect/token", "app", "secret", "accounting.settings");
    assertNull(grant.refreshToken());
    assertEquals(NOW.plusSeconds(600), grant.accessExpiresAt());
    assertEquals("client_credentials", form().get("grant_type"));
    assertEquals("accounting.settings", form().get("scope"));
  }

  @Test
  void invalidGrantIsRecognised() {
    status = 400;
    answer = "{\"error\":\"invalid_grant\"}";
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () -> client.refresh(base + "/connect/token", "app", "secret", "old-refresh-token"));
    assertTrue(e.isInvalidGrant());
    assertEquals(400, e.status());
    assertFalse(e.getMessage().contains("old-refresh-token"), e.getMessage());
    assertEquals("refresh_token", form().get("grant_type"));
  }

  @Test
  void readsConnectionsAndDeletesOne() {
    answer =
        "[{\"id\":\"c-1\",\"authEventId\":\"e\",\"tenantId\":\"t-1\",\"tenantType\":\"ORGANISATION\","
            + "\"tenantName\":\"Demo Company (NZ)\",\"createdDateUtc\":\"2019-12-07T18:46:19.5165400\"},"
            + "{\"id\":\"c-2\",\"tenantId\":\"t-2\",\"tenantType\":\"PRACTICEMANAGER\",\"tenantName\":null}]";
    List<XeroConnectionInfo> list = client.connections(base + "/connections", "tok");
    assertEquals(2, list.size());
    assertEquals(
        new XeroConnectionInfo("c-1", "t-1", "Demo Company (NZ)", "ORGANISATION", "e"),
        list.get(0));
    assertNull(list.get(1).tenantName());
    assertEquals("Bearer tok", seen.get("authorization"));

    status = 204;
    answer = "";
    assertTrue(client.deleteConnection(base + "/connections", "tok", "c-1"));
    assertEquals("DELETE", seen.get("method"));
    assertEquals("/connections/c-1", seen.get("path"));
    status = 404;
    assertFalse(client.deleteConnection(base + "/connections", "tok", "c-1"));

    status = 401;
    answer =
        "{\"Title\":\"Unauthorized\",\"Status\":401,\"Detail\":\"TokenExpired: token expired\"}";
    IdentityException expired =
        assertThrows(
            IdentityException.class, () -> client.connections(base + "/connections", "tok"));
    assertEquals(401, expired.status());
  }

  @Test
  void revokesTheRefreshToken() {
    status = 200;
    answer = "";
    client.revoke(base + "/connect/revocation", "app", "secret", "r-9");
    assertEquals("r-9", form().get("token"));
    assertTrue(seen.get("authorization").startsWith("Basic "));
  }

  @Test
  void aPkceAppWithoutSecretSendsItsClientIdInTheFormAndNoBasicHeader() {
    answer = "{\"access_token\":\"a-3\",\"expires_in\":1800,\"refresh_token\":\"r-3\"}";
    client.exchangeCode(base + "/connect/token", "pkce-app", "", "c", "http://localhost/cb", "v");
    assertEquals("", seen.get("authorization"));
    assertEquals("pkce-app", form().get("client_id"));
    assertEquals("v", form().get("code_verifier"));

    client.refresh(base + "/connect/token", "pkce-app", null, "r-3");
    assertEquals("", seen.get("authorization"));
    assertEquals("pkce-app", form().get("client_id"));

    answer = "";
    client.revoke(base + "/connect/revocation", "pkce-app", " ", "r-3");
    assertEquals("", seen.get("authorization"));
    assertEquals("pkce-app", form().get("client_id"));
    assertEquals("r-3", form().get("token"));
  }

  @Test
  void anAppWithASecretDoesNotRepeatItsClientIdInTheForm() {
    answer = "{\"access_token\":\"a-4\",\"expires_in\":1800}";
    client.refresh(base + "/connect/token", "app", "secret", "r-4");
    assertTrue(seen.get("authorization").startsWith("Basic "));
    assertFalse(form().containsKey("client_id"));
  }

  @Test
  void oneCallEndsWellBeforeOthersStopWaitingForTheRenewalLock() {
    assertTrue(
        IdentityClient.longestCall()
                .compareTo(io.ledgerbridge.xero.boundary.TokenRefresher.LOCK_WAIT)
            < 0,
        "identity calls must time out before the lock wait does");
  }
}
