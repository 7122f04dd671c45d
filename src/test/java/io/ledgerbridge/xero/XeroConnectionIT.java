package io.ledgerbridge.xero;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Xero connection over HTTP against the built-in sandbox: the custom connection by REST, the
 * authorisation-code flow driven as a browser would (admin page, consent, callback), transparent
 * renewal of expired access tokens, rotation of refresh tokens, {@code invalid_grant} leading to
 * the reconnect banner, disconnecting, and who may do what.
 */
class XeroConnectionIT extends LedgerBridgeDeployment {

  private static final String CONNECTION = "api/v1/xero/connection";
  private static final String REFERENCE = "api/v1/xero/reference";
  private static final String DEMO_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";
  private static final String DEMO_ORG_NAME = "Demo Company (NZ)";
  private static final String SECOND_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a1";
  private static final String ADMIN = basic("admin", "admin");

  @BeforeEach
  void startDisconnected() {
    assertEquals(204, admin("DELETE", CONNECTION, null).statusCode());
  }

  @Test
  void theCustomConnectionConnectsByRestAndRenewsAnExpiredToken() {
    JsonObject before = json(admin("GET", CONNECTION, null));
    assertEquals("NOT_CONNECTED", before.getString("tokenState"));
    assertEquals(JsonValue.NULL, before.get("organisation"));

    HttpResponse<String> put = admin("PUT", CONNECTION, "{\"mode\":\"client_credentials\"}");
    assertStatus(200, put);
    JsonObject connected = json(admin("GET", CONNECTION, null));
    assertEquals(DEMO_ORG, connected.getJsonObject("organisation").getString("id"));
    assertEquals(DEMO_ORG_NAME, connected.getJsonObject("organisation").getString("name"));
    assertEquals("client_credentials", connected.getString("mode"));
    assertEquals("VALID", connected.getString("tokenState"));
    assertTrue(connected.containsKey("callsLeft"));
    assertTrue(connected.getString("apiUrl").endsWith("/ledgerbridge/sandbox/api.xro/2.0"));
    assertFalse(put.body().contains("access_token"), "no token ever leaves LedgerBridge");

    // The sandbox expires the token early; the next use gets 401 and renews transparently.
    pause();
    sandbox("tokens/expire-access");
    HttpResponse<String> organisations = admin("GET", CONNECTION + "/organisations", null);
    assertStatus(200, organisations);
    assertEquals(
        DEMO_ORG,
        json(organisations).getJsonArray("organisations").getJsonObject(0).getString("id"));
    JsonObject renewed = json(admin("GET", CONNECTION, null));
    assertEquals("VALID", renewed.getString("tokenState"));
    assertNotEquals(
        connected.getString("accessTokenExpiresAt"), renewed.getString("accessTokenExpiresAt"));

    assertEquals(204, admin("DELETE", CONNECTION, null).statusCode());
    assertEquals("NOT_CONNECTED", json(admin("GET", CONNECTION, null)).getString("tokenState"));
  }

  @Test
  void onlyAdminsConnect() {
    for (String[] user : new String[][] {{"viewer", "viewer"}, {"accountant", "accountant"}}) {
      HttpResponse<String> put =
          client.send(
              client
                  .request(CONNECTION)
                  .header("Authorization", basic(user[0], user[1]))
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"client_credentials\"}")));
      assertProblem(403, put);
      HttpResponse<String> delete =
          client.send(
              client.request(CONNECTION).header("Authorization", basic(user[0], user[1])).DELETE());
      assertProblem(403, delete);
    }
    assertEquals("NOT_CONNECTED", json(admin("GET", CONNECTION, null)).getString("tokenState"));
    assertProblem(400, admin("PUT", CONNECTION, "{\"mode\":\"authorization_code\"}"));
    // The callback is behind the admin login too.
    LedgerBridgeClient viewer = new LedgerBridgeClient(base);
    viewer.signIn("viewer", "viewer");
    assertEquals(403, viewer.get("xero/callback?code=x&state=y").statusCode());
  }

  @Test
  void theAuthorisationCodeFlowRotatesRefreshTokensAndAskForReconnectOnInvalidGrant() {
    client.signIn("admin", "admin");

    // A forged callback (state not from this session) changes nothing.
    HttpResponse<String> forged = client.get("xero/callback?code=abc&state=forged");
    assertEquals(302, forged.statusCode());
    assertTrue(
        LedgerBridgeClient.redirectTarget(forged).toString().endsWith("result=state"),
        LedgerBridgeClient.redirectTarget(forged).toString());
    assertEquals("NOT_CONNECTED", json(admin("GET", CONNECTION, null)).getString("tokenState"));

    consent(List.of(DEMO_ORG, SECOND_ORG));
    JsonObject awaiting = json(admin("GET", CONNECTION, null));
    assertEquals("AWAITING_ORGANISATION", awaiting.getString("status"));
    assertEquals("authorization_code", awaiting.getString("mode"));
    List<String> ids =
        json(admin("GET", CONNECTION + "/organisations", null))
            .getJsonArray("organisations")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(o -> o.getString("id"))
            .toList();
    assertEquals(List.of(DEMO_ORG, SECOND_ORG), ids.stream().sorted().toList());
    assertStatus(200, admin("PUT", CONNECTION + "/organisation", "{\"id\":\"" + DEMO_ORG + "\"}"));
    JsonObject connected = json(admin("GET", CONNECTION, null));
    assertEquals("CONNECTED", connected.getString("status"));
    assertEquals(DEMO_ORG_NAME, connected.getJsonObject("organisation").getString("name"));
    assertTrue(client.get("index.xhtml").body().contains("Xero: " + DEMO_ORG_NAME));

    // Expired access token: refreshed with the refresh token, which rotates.
    pause();
    sandbox("tokens/expire-access");
    assertStatus(200, admin("GET", CONNECTION + "/organisations", null));
    JsonObject first = json(admin("GET", CONNECTION, null));
    assertNotEquals(
        connected.getString("accessTokenExpiresAt"), first.getString("accessTokenExpiresAt"));
    // Many requests meeting an expired token at once: all succeed, renewing under the row lock.
    pause();
    sandbox("tokens/expire-access");
    List<java.util.concurrent.CompletableFuture<Integer>> parallel =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(
                i ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> admin("GET", CONNECTION + "/organisations", null).statusCode()))
            .toList();
    parallel.forEach(f -> assertEquals(200, f.join()));
    // The used refresh token is now past its grace period: only the rotated one still works, so
    // a second renewal proves LedgerBridge stored it.
    sandbox("tokens/end-refresh-grace");
    pause();
    sandbox("tokens/expire-access");
    assertStatus(200, admin("GET", CONNECTION + "/organisations", null));
    JsonObject second = json(admin("GET", CONNECTION, null));
    assertEquals("VALID", second.getString("tokenState"));
    assertNotEquals(
        first.getString("accessTokenExpiresAt"), second.getString("accessTokenExpiresAt"));

    // Disconnect: the sandbox no longer lists the connection.
    assertTrue(sandboxConnections().contains(DEMO_ORG));
    assertEquals(204, admin("DELETE", CONNECTION, null).statusCode());
    assertFalse(sandboxConnections().contains(DEMO_ORG), "removed at the sandbox");
    assertEquals("NOT_CONNECTED", json(admin("GET", CONNECTION, null)).getString("tokenState"));
    assertFalse(client.get("index.xhtml").body().contains("Xero: " + DEMO_ORG_NAME));

    // Connect again (one organisation: chosen at once); then Xero stops accepting the refresh
    // token (as for a reuse beyond the grace period): the connection needs reconnecting.
    consent(List.of(DEMO_ORG));
    assertEquals("CONNECTED", json(admin("GET", CONNECTION, null)).getString("status"));
    sandbox("tokens/revoke-refresh");
    sandbox("tokens/expire-access");
    HttpResponse<String> refused = admin("GET", CONNECTION + "/organisations", null);
    JsonObject problem = assertProblem(503, refused);
    assertTrue(problem.getString("detail").contains("reconnect"), problem.toString());
    JsonObject broken = json(admin("GET", CONNECTION, null));
    assertEquals("NEEDS_RECONNECT", broken.getString("tokenState"));
    assertEquals(DEMO_ORG, broken.getJsonObject("organisation").getString("id"), "nothing lost");
    String home = client.get("index.xhtml").body();
    assertTrue(home.contains("Xero needs reconnecting"), home);
    assertTrue(
        client.getAsViewer(LedgerBridgeClient.INTAKE).statusCode() == 200,
        "LedgerBridge's own data stays available");

    // Connecting again replaces only the connection: the banner goes, the data stays.
    consent(List.of(DEMO_ORG));
    JsonObject again = json(admin("GET", CONNECTION, null));
    assertEquals("CONNECTED", again.getString("status"));
    assertEquals("VALID", again.getString("tokenState"));
    assertFalse(client.get("index.xhtml").body().contains("Xero needs reconnecting"));
    assertStatus(200, admin("GET", CONNECTION + "/organisations", null));

    assertEquals(204, admin("DELETE", CONNECTION, null).statusCode());
    assertFalse(client.get("index.xhtml").body().contains("Xero: " + DEMO_ORG_NAME));
  }

  @Test
  void connectsAtTheSameMomentNeverEndInAServerError() {
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> puts =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(
                i ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> admin("PUT", CONNECTION, "{\"mode\":\"client_credentials\"}")))
            .toList();
    int connected = 0;
    for (var put : puts) {
      HttpResponse<String> answer = put.join();
      if (answer.statusCode() == 409) {
        assertTrue(
            assertProblem(409, answer).getString("detail").contains("same moment"), answer.body());
      } else {
        assertStatus(200, answer);
        connected++;
      }
    }
    assertTrue(connected >= 1, "at least one connect succeeds");
    JsonObject after = json(admin("GET", CONNECTION, null));
    assertEquals("CONNECTED", after.getString("status"));
    assertEquals(DEMO_ORG, after.getJsonObject("organisation").getString("id"));
  }

  @Test
  void aReconnectKeepsTheChosenOrganisationAndAFailedOneChangesNothing() {
    client.signIn("admin", "admin");
    consent(List.of(DEMO_ORG, SECOND_ORG));
    assertEquals("AWAITING_ORGANISATION", json(admin("GET", CONNECTION, null)).getString("status"));
    assertStatus(
        200, admin("PUT", CONNECTION + "/organisation", "{\"id\":\"" + SECOND_ORG + "\"}"));

    // Consenting again to the other organisation only: the chosen one is still connected at Xero,
    // so it stays chosen.
    consent(List.of(DEMO_ORG));
    JsonObject kept = json(admin("GET", CONNECTION, null));
    assertEquals("CONNECTED", kept.getString("status"));
    assertEquals(SECOND_ORG, kept.getJsonObject("organisation").getString("id"));

    // A reconnect Xero refuses (the code is not valid) leaves the connection as it was.
    String state =
        java.util.Arrays.stream(startConnect().getRawQuery().split("&"))
            .filter(p -> p.startsWith("state="))
            .map(p -> p.substring("state=".length()))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> refused = client.get("xero/callback?code=not-a-code&state=" + state);
    URI back = LedgerBridgeClient.redirectTarget(refused);
    assertTrue(back.toString().endsWith("result=failed"), back.toString());
    String page = client.get("admin/xero.xhtml?result=failed").body();
    assertTrue(page.contains("Nothing changed."), page);
    JsonObject unchanged = json(admin("GET", CONNECTION, null));
    assertEquals("CONNECTED", unchanged.getString("status"));
    assertEquals("VALID", unchanged.getString("tokenState"));
    assertEquals(SECOND_ORG, unchanged.getJsonObject("organisation").getString("id"));
    assertStatus(200, admin("GET", CONNECTION + "/organisations", null));

    // Another Xero user allows only the other organisation: LedgerBridge does not switch books
    // without asking, and revokes the replaced user's refresh token.
    consent("accountant@demo.ledgerbridge", List.of(DEMO_ORG));
    JsonObject other = json(admin("GET", CONNECTION, null));
    assertEquals("AWAITING_ORGANISATION", other.getString("status"));
    assertEquals(JsonValue.NULL, other.get("organisation"));
    List<String> offered =
        json(admin("GET", CONNECTION + "/organisations", null))
            .getJsonArray("organisations")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(o -> o.getString("id"))
            .toList();
    assertEquals(List.of(DEMO_ORG), offered);
    assertFalse(
        sandboxConnections().contains("owner@demo.ledgerbridge"),
        "the replaced refresh token was revoked: " + sandboxConnections());
    assertStatus(200, admin("PUT", CONNECTION + "/organisation", "{\"id\":\"" + DEMO_ORG + "\"}"));
    assertEquals(204, admin("DELETE", CONNECTION, null).statusCode());
  }

  /** Admin page → Connect: the consent page's address, with this attempt's state. */
  private URI startConnect() {
    HttpResponse<String> page = client.get("admin/xero.xhtml");
    assertStatus(200, page);
    Map<String, String> connect =
        new LinkedHashMap<>(LedgerBridgeClient.formFields(page.body(), "connect"));
    connect.remove("connect:custom");
    HttpResponse<String> toXero =
        client.postForm("admin/xero.xhtml", connect, "Origin", client.origin());
    assertEquals(302, toXero.statusCode(), toXero.body());
    URI authorize = LedgerBridgeClient.redirectTarget(toXero);
    assertTrue(
        authorize.getPath().endsWith("/sandbox/identity/connect/authorize"), authorize.toString());
    assertTrue(authorize.getRawQuery().contains("code_challenge_method=S256"));
    return authorize;
  }

  private void consent(List<String> tenants) {
    consent("owner@demo.ledgerbridge", tenants);
  }

  /** Admin page → Connect → the sandbox's consent page → allow → callback → back on the page. */
  private void consent(String user, List<String> tenants) {
    URI authorize = startConnect();

    HttpResponse<String> consentPage = client.send(HttpRequest.newBuilder(authorize).GET());
    assertStatus(200, consentPage);
    Map<String, String> fields =
        new LinkedHashMap<>(LedgerBridgeClient.formFields(consentPage.body(), "consent"));
    fields.remove("tenant");
    fields.put("email", user);
    fields.put("password", "demo");
    StringBuilder body = new StringBuilder(LedgerBridgeClient.formBody(fields));
    tenants.forEach(t -> body.append("&tenant=").append(t));
    body.append("&decision=allow");
    HttpResponse<String> allowed =
        client.send(
            HttpRequest.newBuilder(authorize.resolve(authorize.getPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    assertEquals(302, allowed.statusCode(), allowed.body());
    URI callback = LedgerBridgeClient.redirectTarget(allowed);
    assertTrue(callback.getPath().endsWith("/ledgerbridge/xero/callback"), callback.toString());

    HttpResponse<String> back = client.send(HttpRequest.newBuilder(callback).GET());
    assertEquals(302, back.statusCode(), back.body());
    assertTrue(
        LedgerBridgeClient.redirectTarget(back)
            .toString()
            .endsWith("admin/xero.xhtml?result=connected"),
        LedgerBridgeClient.redirectTarget(back).toString());
    // The state is single-use: replaying the callback is refused.
    HttpResponse<String> replay = client.send(HttpRequest.newBuilder(callback).GET());
    assertTrue(LedgerBridgeClient.redirectTarget(replay).toString().endsWith("result=state"));
  }

  @Test
  void referenceDataIsDownloadedReplacedOnRefreshAndTheConnectionTestReportsIt() {
    assertProblem(503, admin("GET", REFERENCE, null));
    assertStatus(200, admin("PUT", CONNECTION, "{\"mode\":\"client_credentials\"}"));
    // (Other tests of this execution may already have downloaded it: the database is shared.)
    assertTrue(json(admin("GET", REFERENCE, null)).containsKey("downloaded"));
    // Anyone signed in reads it; only accountants and admins download it.
    HttpResponse<String> viewerRefresh =
        client.send(
            client
                .request(REFERENCE + "/refresh")
                .header("Authorization", basic("viewer", "viewer"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertProblem(403, viewerRefresh);

    JsonObject sandboxOrg = json(admin("GET", "api/v1/sandbox/organisations/" + DEMO_ORG, null));
    JsonObject reference = json(admin("POST", REFERENCE + "/refresh", null));
    JsonObject organisation = reference.getJsonObject("organisation");
    assertEquals(DEMO_ORG_NAME, organisation.getString("name"));
    assertEquals("NZD", organisation.getString("baseCurrency"));
    assertEquals(sandboxOrg.getString("periodLockDate"), organisation.getString("periodLockDate"));
    Map<String, JsonObject> accounts = new LinkedHashMap<>();
    reference.getJsonArray("accounts").stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.containsKey("code"))
        .forEach(a -> accounts.put(a.getString("code"), a));
    assertEquals("REVENUE", accounts.get("200").getString("type"));
    assertEquals("OUTPUT2", accounts.get("200").getString("taxType"));
    assertEquals("INVENTORY", accounts.get("630").getString("type"));
    assertEquals("ARCHIVED", accounts.get("499").getString("status"));
    JsonObject output2 =
        reference.getJsonArray("taxRates").stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("taxType").equals("OUTPUT2"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        0,
        output2
            .getJsonNumber("effectiveRate")
            .bigDecimalValue()
            .compareTo(new java.math.BigDecimal("15")));
    assertTrue(output2.getBoolean("canApplyToRevenue"));
    assertEquals(2, reference.getJsonArray("trackingCategories").size());
    assertFalse(
        reference
            .getJsonArray("trackingCategories")
            .getJsonObject(0)
            .getJsonArray("options")
            .isEmpty());
    List<String> currencies =
        reference.getJsonArray("currencies").stream()
            .map(c -> c.asJsonObject().getString("code"))
            .toList();
    assertTrue(currencies.containsAll(List.of("NZD", "AUD", "USD")), currencies.toString());

    // A lock date set in Xero arrives with the next refresh, which replaces (not adds to) the rest.
    String lockBody =
        "{\"periodLockDate\":\"2026-06-30\",\"endOfYearLockDate\":"
            + (sandboxOrg.containsKey("endOfYearLockDate")
                ? "\"" + sandboxOrg.getString("endOfYearLockDate") + "\""
                : "null")
            + "}";
    String lockPath = "api/v1/sandbox/organisations/" + DEMO_ORG + "/lock-dates";
    assertStatus(200, admin("PUT", lockPath, lockBody));
    try {
      JsonObject again = json(admin("POST", REFERENCE + "/refresh", null));
      assertEquals("2026-06-30", again.getJsonObject("organisation").getString("periodLockDate"));
      assertEquals(
          reference.getJsonArray("accounts").size(), again.getJsonArray("accounts").size());
      assertEquals(
          reference.getJsonArray("taxRates").size(), again.getJsonArray("taxRates").size());
    } finally {
      admin(
          "PUT",
          lockPath,
          lockBody.replace("\"2026-06-30\"", "\"" + sandboxOrg.getString("periodLockDate") + "\""));
    }

    // The connection reports the API budget Xero last announced.
    JsonObject callsLeft = json(admin("GET", CONNECTION, null)).getJsonObject("callsLeft");
    assertTrue(callsLeft.getInt("thisMinute") > 0, callsLeft.toString());
    assertTrue(callsLeft.getInt("today") > 0, callsLeft.toString());

    // Test connection: one live call, the organisation, the budget left, the reference data.
    JsonObject test = json(admin("POST", "api/v1/xero/connection-test", null));
    assertTrue(test.getBoolean("ok"), test.toString());
    assertEquals(DEMO_ORG_NAME, test.getString("organisation"));
    assertEquals("NZD", test.getString("baseCurrency"));
    assertEquals("VALID", test.getString("tokenState"));
    assertTrue(test.getInt("callsLeftThisMinute") > 0, test.toString());
    assertTrue(test.getInt("callsLeftToday") > 0, test.toString());
    JsonObject referenceCheck =
        test.getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("name").equals("Reference data"))
            .findFirst()
            .orElseThrow();
    assertEquals("OK", referenceCheck.getString("level"));
    // The API budget panel: this node's calls by endpoint, including the test's own.
    assertTrue(
        test.getJsonObject("callsByEndpoint").getJsonNumber("GET Organisation").longValue() >= 2,
        test.toString());
    assertTrue(test.getJsonObject("callsByEndpoint").containsKey("GET Accounts"), test.toString());
    // Admins only.
    HttpResponse<String> accountantTest =
        client.send(
            client
                .request("api/v1/xero/connection-test")
                .header("Authorization", basic("accountant", "accountant"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertProblem(403, accountantTest);
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return client.asAdmin(method, path, body);
  }

  private JsonObject sandbox(String action) {
    HttpResponse<String> response = admin("POST", "api/v1/sandbox/" + action, null);
    assertStatus(200, response);
    return json(response);
  }

  /** The organisations connected at the sandbox's consent page for the demo app. */
  private String sandboxConnections() {
    HttpResponse<String> response = admin("GET", "api/v1/sandbox/connections", null);
    assertStatus(200, response);
    return response.body();
  }

  /** Expiry times have second precision: let the clock move on so a renewed one differs. */
  private static void pause() {
    try {
      Thread.sleep(1100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
