package io.ledgerbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in Xero sandbox over HTTP, as LedgerBridge's Xero client (and a person at the consent
 * page) will meet it: the identity server, tenant checks, Xero's error shapes, contacts with
 * summarizeErrors, idempotency and the rate-limit headers.
 */
class SandboxIT extends LedgerBridgeDeployment {

  private static final String DEMO_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";
  private static final String SECOND_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a1";
  private static final String CLIENT = "ledgerbridge-demo";
  private static final String SECRET = "demo-secret";
  private static final String API = "sandbox/api.xro/2.0/";

  @Test
  void theCustomConnectionReadsTheDemoOrganisationWithLimitHeaders() {
    String token = clientCredentials();

    HttpResponse<String> response = api("GET", token, null, "Organisation", null);

    assertEquals(200, response.statusCode(), response.body());
    JsonObject org =
        LedgerBridgeClient.json(response).getJsonArray("Organisations").getJsonObject(0);
    assertEquals("Demo Company (NZ)", org.getString("Name"));
    assertEquals("NZD", org.getString("BaseCurrency"));
    assertTrue(org.getString("PeriodLockDate").matches("/Date\\(\\d+\\+0000\\)/"), org.toString());
    assertTrue(response.headers().firstValue("X-MinLimit-Remaining").isPresent());
    assertTrue(response.headers().firstValue("X-DayLimit-Remaining").isPresent());
    assertTrue(response.headers().firstValue("X-AppMinLimit-Remaining").isPresent());

    JsonArray accounts =
        LedgerBridgeClient.json(
                api("GET", token, null, "Accounts?where=" + enc("Type==\"INVENTORY\""), null))
            .getJsonArray("Accounts");
    assertEquals(1, accounts.size());
    assertEquals("630", accounts.getJsonObject(0).getString("Code"));
    JsonArray rates =
        LedgerBridgeClient.json(api("GET", token, null, "TaxRates", null)).getJsonArray("TaxRates");
    assertTrue(
        rates.stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                r ->
                    r.getString("TaxType").equals("OUTPUT2")
                        && !r.getBoolean("CanApplyToExpenses")));
  }

  @Test
  void xerosErrorShapes() {
    String token = clientCredentials();
    // No token: 401 problem JSON.
    HttpResponse<String> unauthorised =
        client.send(
            client.request(API + "Organisation").header("Accept", "application/json").GET());
    assertEquals(401, unauthorised.statusCode());
    assertEquals("Unauthorized", LedgerBridgeClient.json(unauthorised).getString("Title"));
    // An organisation the token is not connected to: 403.
    HttpResponse<String> forbidden = api("GET", token, SECOND_ORG, "Organisation", null);
    assertEquals(403, forbidden.statusCode());
    assertEquals(
        "AuthenticationUnsuccessful", LedgerBridgeClient.json(forbidden).getString("Detail"));
    // Unknown id: plain-text 404.
    HttpResponse<String> missing = api("GET", token, null, "Accounts/" + UUID.randomUUID(), null);
    assertEquals(404, missing.statusCode());
    assertEquals("The resource you're looking for cannot be found", missing.body());
    // No JSON asked for: refused rather than answered in XML.
    HttpResponse<String> noJson =
        client.send(
            client.request(API + "Organisation").header("Authorization", "Bearer " + token).GET());
    assertEquals(406, noJson.statusCode());
    // A wrong client secret.
    HttpResponse<String> badClient =
        tokenRequest(Map.of("grant_type", "client_credentials"), CLIENT, "wrong");
    assertEquals(400, badClient.statusCode());
    assertEquals("invalid_client", LedgerBridgeClient.json(badClient).getString("error"));
    // Paths are matched case-insensitively, as at Xero.
    assertEquals(200, api("GET", token, null, "organisation", null).statusCode());
  }

  @Test
  void summarizeErrorsFalseAnswers200WithEveryElementAndCreatesTheValidOnes() {
    String token = clientCredentials();
    String number = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"Contacts\":[{\"Name\":\"Harbour Café Ltd\"},"
            + "{\"Name\":\"New Customer "
            + number
            + "\",\"ContactNumber\":\""
            + number
            + "\"}]}";

    HttpResponse<String> response = api("PUT", token, null, "Contacts?summarizeErrors=false", body);

    assertEquals(200, response.statusCode(), response.body());
    JsonArray contacts = LedgerBridgeClient.json(response).getJsonArray("Contacts");
    assertEquals("ERROR", contacts.getJsonObject(0).getString("StatusAttributeString"));
    assertEquals(
        "00000000-0000-0000-0000-000000000000", contacts.getJsonObject(0).getString("ContactID"));
    assertEquals(
        "The contact name Harbour Café Ltd is already assigned to another contact. The contact"
            + " name must be unique across all active contacts.",
        contacts
            .getJsonObject(0)
            .getJsonArray("ValidationErrors")
            .getJsonObject(0)
            .getString("Message"));
    assertEquals("OK", contacts.getJsonObject(1).getString("StatusAttributeString"));
    String created = contacts.getJsonObject(1).getString("ContactID");
    JsonObject byNumber =
        LedgerBridgeClient.json(api("GET", token, null, "Contacts/" + number, null))
            .getJsonArray("Contacts")
            .getJsonObject(0);
    assertEquals(created, byNumber.getString("ContactID"));
  }

  @Test
  void summarizedErrorsAre400WithOnlyTheFailuresWhileTheValidElementsAreCreated() {
    String token = clientCredentials();
    String name = "Quiet Success " + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"Contacts\":[{\"Name\":\"" + name + "\"},{\"Name\":\"\"}]}";

    HttpResponse<String> response = api("PUT", token, null, "Contacts", body);

    assertEquals(400, response.statusCode());
    JsonObject error = LedgerBridgeClient.json(response);
    assertEquals("ValidationException", error.getString("Type"));
    assertEquals(1, error.getJsonArray("Elements").size());
    assertEquals(
        "Contact Name cannot be empty.",
        error
            .getJsonArray("Elements")
            .getJsonObject(0)
            .getJsonArray("ValidationErrors")
            .getJsonObject(0)
            .getString("Message"));
    // As at Xero: the valid element was created although the answer was 400.
    JsonArray found =
        LedgerBridgeClient.json(
                api("GET", token, null, "Contacts?where=" + enc("Name==\"" + name + "\""), null))
            .getJsonArray("Contacts");
    assertEquals(1, found.size());
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentRequest() {
    String token = clientCredentials();
    String key = UUID.randomUUID().toString();
    String name = "Idempotent " + key.substring(0, 8);
    String body = "{\"Contacts\":[{\"Name\":\"" + name + "\"}]}";

    HttpResponse<String> first = apiWithKey(token, "Contacts?summarizeErrors=false", body, key);
    HttpResponse<String> second = apiWithKey(token, "Contacts?summarizeErrors=false", body, key);
    HttpResponse<String> different =
        apiWithKey(token, "Contacts?summarizeErrors=false", body.replace(name, name + " 2"), key);

    assertEquals(200, first.statusCode(), first.body());
    assertEquals(first.body(), second.body(), "the stored answer is replayed");
    JsonArray found =
        LedgerBridgeClient.json(
                api("GET", token, null, "Contacts?where=" + enc("Name==\"" + name + "\""), null))
            .getJsonArray("Contacts");
    assertEquals(1, found.size(), "created once");
    assertEquals(400, different.statusCode());
    assertEquals(
        "Idempotency Key: " + key + " is used with a different request.",
        LedgerBridgeClient.json(different).getString("Message"));
  }

  @Test
  void theAuthorisationCodeFlowConnectsTheChosenOrganisationsAndRefreshTokensRotate() {
    String redirect = client.uri("xero/callback").toString();
    String state = UUID.randomUUID().toString();
    String verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
    String challenge = s256(verifier);
    String authorize =
        "sandbox/identity/connect/authorize?response_type=code&client_id="
            + CLIENT
            + "&redirect_uri="
            + enc(redirect)
            + "&scope="
            + enc("openid offline_access accounting.settings")
            + "&state="
            + state
            + "&code_challenge="
            + challenge
            + "&code_challenge_method=S256";
    HttpResponse<String> page = client.get(authorize);
    assertEquals(200, page.statusCode(), page.body());
    Map<String, String> form = hiddenFields(page.body());
    form.put("email", "accountant@demo.ledgerbridge");
    form.put("password", "demo");
    String body =
        formBody(form) + "&tenant=" + SECOND_ORG + "&tenant=" + DEMO_ORG + "&decision=allow";
    HttpResponse<String> consent =
        client.send(
            client
                .request("sandbox/identity/connect/authorize")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(302, consent.statusCode(), consent.body());
    URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
    assertTrue(back.toString().startsWith(redirect), back.toString());
    Map<String, String> params = query(back.getRawQuery());
    assertEquals(state, params.get("state"));

    Map<String, String> exchange =
        new LinkedHashMap<>(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                params.get("code"),
                "redirect_uri",
                redirect,
                "code_verifier",
                verifier));
    JsonObject tokens = LedgerBridgeClient.json(tokenRequest(exchange, CLIENT, SECRET));
    assertEquals(1800, tokens.getInt("expires_in"));
    String access = tokens.getString("access_token");
    String refresh = tokens.getString("refresh_token");
    // A code is single-use.
    assertEquals(
        "invalid_grant",
        LedgerBridgeClient.json(tokenRequest(exchange, CLIENT, SECRET)).getString("error"));

    HttpResponse<String> listed =
        client.send(
            client
                .request("sandbox/connections")
                .header("Authorization", "Bearer " + access)
                .GET());
    assertEquals(200, listed.statusCode());
    List<String> violations =
        XeroConformance.identityViolations(
            "GET",
            client.uri("sandbox/connections"),
            Map.of("Authorization", "Bearer " + access),
            listed);
    assertTrue(violations.isEmpty(), String.join("\n", violations));
    JsonArray connections;
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(listed.body()))) {
      connections = reader.readArray();
    }
    assertEquals(
        List.of("Demo Company (NZ)", "Kōwhai Trading Ltd (NZ)"),
        connections.stream().map(c -> ((JsonObject) c).getString("tenantName")).sorted().toList());
    HttpResponse<String> second = api("GET", access, SECOND_ORG, "Organisation", null);
    assertEquals(
        "Kōwhai Trading Ltd (NZ)",
        LedgerBridgeClient.json(second)
            .getJsonArray("Organisations")
            .getJsonObject(0)
            .getString("Name"));

    // Disconnecting one organisation (DELETE /connections/{id}) leaves the other connected.
    String secondConnection =
        connections.stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getString("tenantId").equals(SECOND_ORG))
            .findFirst()
            .orElseThrow()
            .getString("id");
    HttpResponse<String> deleted =
        client.send(
            client
                .request("sandbox/connections/" + secondConnection)
                .header("Authorization", "Bearer " + access)
                .DELETE());
    assertEquals(204, deleted.statusCode(), deleted.body());
    violations =
        XeroConformance.identityViolations(
            "DELETE",
            client.uri("sandbox/connections/" + secondConnection),
            Map.of("Authorization", "Bearer " + access),
            deleted);
    assertTrue(violations.isEmpty(), String.join("\n", violations));
    assertEquals(403, api("GET", access, SECOND_ORG, "Organisation", null).statusCode());
    assertEquals(
        404,
        client
            .send(
                client
                    .request("sandbox/connections/" + secondConnection)
                    .header("Authorization", "Bearer " + access)
                    .DELETE())
            .statusCode());
    try (var reader =
        jakarta.json.Json.createReader(
            new java.io.StringReader(
                client
                    .send(
                        client
                            .request("sandbox/connections")
                            .header("Authorization", "Bearer " + access)
                            .GET())
                    .body()))) {
      assertEquals(1, reader.readArray().size());
    }

    // Refresh tokens rotate; the previous one keeps working during the grace period.
    JsonObject rotated =
        LedgerBridgeClient.json(
            tokenRequest(
                Map.of("grant_type", "refresh_token", "refresh_token", refresh), CLIENT, SECRET));
    assertNotEquals(refresh, rotated.getString("refresh_token"));
    assertEquals(
        200,
        tokenRequest(
                Map.of("grant_type", "refresh_token", "refresh_token", refresh), CLIENT, SECRET)
            .statusCode(),
        "within the grace period");

    // Revoking the refresh token removes the connections: the access token then reaches nothing.
    assertEquals(
        200,
        tokenRequest(
                "sandbox/identity/connect/revocation",
                Map.of("token", rotated.getString("refresh_token")),
                CLIENT,
                SECRET)
            .statusCode());
    assertEquals(403, api("GET", access, DEMO_ORG, "Organisation", null).statusCode());
    assertEquals(
        "invalid_grant",
        LedgerBridgeClient.json(
                tokenRequest(
                    Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        rotated.getString("refresh_token")),
                    CLIENT,
                    SECRET))
            .getString("error"));
  }

  @Test
  void theConsentPageRefusesUnknownRedirectsAndReportsADenial() {
    HttpResponse<String> bad =
        client.get(
            "sandbox/identity/connect/authorize?response_type=code"
                + "&client_id="
                + CLIENT
                + "&redirect_uri="
                + enc("https://evil.example/callback")
                + "&scope=openid&state=s1");
    assertEquals(400, bad.statusCode());
    assertFalse(
        bad.headers().firstValue("Location").isPresent(), "never redirects to an unknown URI");

    String redirect = client.uri("xero/callback").toString();
    HttpResponse<String> page =
        client.get(
            "sandbox/identity/connect/authorize?response_type=code"
                + "&client_id="
                + CLIENT
                + "&redirect_uri="
                + enc(redirect)
                + "&scope=openid"
                + "&state="
                + enc("<script>x</script>"));
    assertFalse(page.body().contains("<script>x</script>"), "the state is escaped");
    Map<String, String> form = hiddenFields(page.body());
    HttpResponse<String> denied =
        client.send(
            client
                .request("sandbox/identity/connect/authorize")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form) + "&decision=deny")));
    assertEquals(302, denied.statusCode());
    Map<String, String> params =
        query(URI.create(denied.headers().firstValue("Location").orElseThrow()).getRawQuery());
    assertEquals("access_denied", params.get("error"));
    assertEquals("<script>x</script>", params.get("state"));
  }

  @Test
  void theMinuteLimitAnswers429WithRetryAfter() {
    String token = clientCredentials();
    // The ITs' configured limit is high so that busy tests are never limited; a per-organisation
    // limit of 3 (set through the console, as a tester would) makes the limit deterministic.
    assertEquals(200, console("PUT", "{\"minuteLimit\":3}").statusCode());
    try {
      HttpResponse<String> last = null;
      for (int i = 0; i < 10; i++) {
        last =
            client.send(
                client
                    .request(API + "Currencies")
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET());
        if (last.statusCode() == 429) {
          break;
        }
      }
      assertEquals(429, last.statusCode());
      assertEquals("minute", last.headers().firstValue("X-Rate-Limit-Problem").orElse(null));
      long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
      assertEquals("0", last.headers().firstValue("X-MinLimit-Remaining").orElse(null));
    } finally {
      assertEquals(200, console("PUT", "{\"minuteLimit\":null}").statusCode());
    }
  }

  private HttpResponse<String> console(String method, String faults) {
    return client.send(
        client
            .request("api/v1/sandbox/organisations/" + DEMO_ORG + "/faults")
            .header("Authorization", LedgerBridgeClient.basic("admin", "admin"))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(faults)));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String clientCredentials() {
    HttpResponse<String> response =
        tokenRequest(Map.of("grant_type", "client_credentials"), CLIENT, SECRET);
    assertEquals(200, response.statusCode(), response.body());
    return LedgerBridgeClient.json(response).getString("access_token");
  }

  private HttpResponse<String> tokenRequest(Map<String, String> form, String id, String secret) {
    return tokenRequest("sandbox/identity/connect/token", form, id, secret);
  }

  private HttpResponse<String> tokenRequest(
      String path, Map<String, String> form, String id, String secret) {
    return client.send(
        client
            .request(path)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
  }

  private HttpResponse<String> api(
      String method, String token, String tenant, String path, String body) {
    return new SandboxCalls(client).call(method, token, tenant, path, body);
  }

  private HttpResponse<String> apiWithKey(String token, String path, String body, String key) {
    return client.send(
        client
            .request(API + path)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .matcher(html);
    while (m.find()) {
      fields.put(
          m.group(1),
          m.group(2)
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&amp;", "&"));
    }
    return fields;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String formBody(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return body.toString();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
