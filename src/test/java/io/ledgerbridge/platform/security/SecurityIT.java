package io.ledgerbridge.platform.security;

import static io.ledgerbridge.testing.LedgerBridgeClient.DEMO_TOKEN;
import static io.ledgerbridge.testing.LedgerBridgeClient.INTAKE;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.LedgerBridgeClient.redirectTarget;
import static io.ledgerbridge.testing.TestTransactions.body;
import static io.ledgerbridge.testing.TestTransactions.sale;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.FreshDatabase;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, over HTTP: pages need a signed-in user, the API an API token or HTTP Basic with
 * the right role, and page forms are refused unless they come from our own pages.
 */
class SecurityIT extends LedgerBridgeDeployment {

  // ---- pages -----------------------------------------------------------------------------------

  @Test
  void aPageAskedForWithoutSigningInRedirectsToTheLoginPageAndBack() {
    HttpResponse<String> response = client.get("index.xhtml?tab=2");

    assertStatus(302, response);
    URI target = redirectTarget(response);
    assertEquals(client.uri("login.xhtml").getPath(), target.getPath());
    assertEquals(
        "continue=/index.xhtml?tab=2",
        URLDecoder.decode(target.getRawQuery(), StandardCharsets.UTF_8));
  }

  @Test
  void theLoginPageIsPublicAndCarriesAViewState() {
    HttpResponse<String> page = client.get("login.xhtml");

    assertStatus(200, page);
    Map<String, String> fields = LedgerBridgeClient.formFields(page.body(), "login");
    assertTrue(fields.containsKey("login:username"), fields.toString());
    assertTrue(fields.containsKey("login:password"), fields.toString());
    assertFalse(fields.getOrDefault("jakarta.faces.ViewState", "").isBlank(), fields.toString());
  }

  @Test
  void signingInWithTheFormOpensTheApplicationUnderANewSessionId() {
    String before =
        sessionCookie(client.get("login.xhtml"))
            .orElseThrow(() -> new AssertionError("the login page starts a session"));

    HttpResponse<String> login = client.login("accountant", "accountant", null);

    assertStatus(302, login);
    assertEquals(client.uri("").getPath(), redirectTarget(login).getPath());
    Optional<String> after = sessionCookie(login);
    assertTrue(after.isPresent(), "a session cookie is set on login");
    assertNotEquals(before, after.get(), "the session id changes on login (no session fixation)");
    assertSignedInAs("accountant", client);
  }

  @Test
  void aWrongPasswordKeepsTheUserOnTheLoginPage() {
    HttpResponse<String> login = client.login("admin", "not-the-password", null);

    assertStatus(200, login);
    assertTrue(login.body().contains("Wrong username or password"), login.body());
    assertStatus(302, client.get("index.xhtml"));
  }

  @Test
  void afterSigningInTheUserReturnsToThePageTheyAskedFor() {
    HttpResponse<String> login = client.login("viewer", "viewer", "/index.xhtml?tab=2");

    assertStatus(302, login);
    URI target = redirectTarget(login);
    assertEquals(client.uri("index.xhtml").getPath(), target.getPath());
    assertEquals("tab=2", target.getQuery());
  }

  @Test
  void aCraftedContinueLinkNeverSendsTheUserToAnotherSite() {
    for (String crafted :
        List.of(
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "/\t/evil.example",
            "///evil.example")) {
      LedgerBridgeClient fresh = new LedgerBridgeClient(base);
      HttpResponse<String> login = fresh.login("viewer", "viewer", crafted);

      assertStatus(302, login);
      URI target = redirectTarget(login);
      assertEquals(client.base().getHost(), target.getHost(), crafted + " → " + target);
      assertEquals(client.base().getPort(), target.getPort(), crafted + " → " + target);
    }
  }

  @Test
  void pagesSetHeadersThatKeepThemOutOfFramesAndCaches() {
    HttpResponse<String> page = client.get("login.xhtml");

    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(sessionCookieHeader(page).contains("HttpOnly"), sessionCookieHeader(page));
  }

  @Test
  void pagesCarryAContentSecurityPolicyThatKeepsThemToTheirOwnOrigin() {
    client.signIn("admin", "admin");
    for (String path : List.of("login.xhtml", "index.xhtml", "audit.xhtml")) {
      HttpResponse<String> page = client.get(path);
      String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
      for (String directive :
          List.of(
              "default-src 'self'",
              "script-src 'self'",
              "object-src 'none'",
              "base-uri 'self'",
              "frame-ancestors 'none'")) {
        assertTrue(policy.contains(directive), path + ": " + policy);
      }
      assertFalse(policy.contains("*") || policy.contains("http"), path + ": " + policy);
    }
    // The pages load nothing from another origin, so the policy costs them nothing.
    String home = client.get("index.xhtml").body();
    assertFalse(
        home.matches("(?s).*\\ssrc=\"(https?:)?//.*"), "no scripts or images from elsewhere");
  }

  @Test
  void theSessionCookieSaysSameSiteLaxWithoutContradiction() {
    String cookie =
        sessionCookieHeader(client.get("login.xhtml")).toLowerCase(java.util.Locale.ROOT);
    // Payara writes the attribute twice (payara/Payara#7254); every copy must say the same.
    Matcher values = Pattern.compile("samesite=(\\w+)").matcher(cookie);
    int count = 0;
    while (values.find()) {
      count++;
      assertEquals("lax", values.group(1), cookie);
    }
    assertTrue(count >= 1, cookie);
  }

  @Test
  void aRedirectNeverTakesItsHostFromTheRequest() throws Exception {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /ledgerbridge/admin/users.xhtml HTTP/1.1\r\nHost: evil.example\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
      String location =
          answer
              .lines()
              .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
              .findFirst()
              .orElseThrow(() -> new AssertionError(answer));
      assertFalse(location.contains("evil.example"), location);
      assertTrue(location.contains("/ledgerbridge/login.xhtml?continue="), location);
    }
    // Faces and servlet redirects too (the container would make them absolute from Host).
    HttpResponse<String> login = client.login("admin", "admin", null);
    assertStatus(302, login);
    assertEquals("/ledgerbridge/", login.headers().firstValue("Location").orElse(""));
    HttpResponse<String> callback = client.get("xero/callback?state=unknown");
    assertStatus(302, callback);
    assertEquals(
        "/ledgerbridge/admin/xero.xhtml?result=state",
        callback.headers().firstValue("Location").orElse(""));
  }

  @Test
  void theSessionCookieIsNotSentWithCrossSiteRequests() {
    HttpResponse<String> page = client.get("login.xhtml");

    assertTrue(
        sessionCookieHeader(page).toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
        sessionCookieHeader(page));
  }

  // ---- CSRF ------------------------------------------------------------------------------------

  @Test
  void aFormPostWithoutViewStateIsForbidden() {
    Map<String, String> fields = new LinkedHashMap<>(client.openLoginForm(null));
    fields.remove("jakarta.faces.ViewState");
    fields.put("login:username", "admin");
    fields.put("login:password", "admin");
    fields.put("login:submit", "");

    assertStatus(403, client.postForm("login.xhtml", fields));
    assertStatus(302, client.get("index.xhtml"));
  }

  @Test
  void aSignedInUsersPostWithoutViewStateIsForbidden() {
    client.signIn("admin", "admin");

    HttpResponse<String> response = client.postForm("index.xhtml", Map.of("anything", "1"));

    assertStatus(403, response);
    assertSignedInAs("admin", client);
  }

  @Test
  void aCrossSiteFormPostIsForbiddenEvenWithAValidViewState() {
    HttpResponse<String> foreignOrigin =
        client.login("admin", "admin", null, "Origin", "http://evil.example");
    assertStatus(403, foreignOrigin);
    assertStatus(302, client.get("index.xhtml"));

    LedgerBridgeClient other = new LedgerBridgeClient(base);
    HttpResponse<String> fetchMetadata =
        other.login("admin", "admin", null, "Sec-Fetch-Site", "cross-site");
    assertStatus(403, fetchMetadata);
    assertStatus(302, other.get("index.xhtml"));
  }

  @Test
  void aSameOriginFormPostIsAccepted() {
    HttpResponse<String> login =
        client.login(
            "admin", "admin", null, "Origin", client.origin(), "Sec-Fetch-Site", "same-origin");

    assertStatus(302, login);
    assertSignedInAs("admin", client);
  }

  // ---- hostile requests (issue: security review) ------------------------------------------------

  @Test
  void aFormActionSentAsAGetWithTheViewStateIsForbidden() {
    client.signIn("admin", "admin");
    HttpResponse<String> page = client.get("admin/users.xhtml");
    assertStatus(200, page);
    String username = "csrf-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields =
        new LinkedHashMap<>(LedgerBridgeClient.formFields(page.body(), "newUser"));
    fields.put("newUser:username", username);
    fields.put("newUser:role", "ADMIN");
    fields.put("newUser:password", "Forged-Admin-Pass-42");
    fields.put("newUser:create", "Create user");

    // What a link or an image on another site makes the admin's browser send: a top-level GET.
    HttpResponse<String> forged =
        client.send(
            client
                .request("admin/users.xhtml?" + LedgerBridgeClient.formBody(fields))
                .header("Sec-Fetch-Site", "cross-site")
                .GET());
    assertStatus(403, forged);
    HttpResponse<String> sameSite =
        client.get("admin/users.xhtml?" + LedgerBridgeClient.formBody(fields));
    assertStatus(403, sameSite);

    assertFalse(client.get("admin/users.xhtml").body().contains(username), "no user created");
  }

  @Test
  void aSessionIdInTheUrlIsRefused() {
    HttpResponse<String> login = client.login("admin", "admin", null);
    assertStatus(302, login);
    String id = sessionCookie(login).orElseThrow();

    LedgerBridgeClient stranger = new LedgerBridgeClient(base);
    for (String path :
        List.of("index.xhtml;jsessionid=" + id, "admin/users.xhtml;JSESSIONID=" + id)) {
      HttpResponse<String> response = stranger.get(path);
      // Never the signed-in page: refused (400), or not signed in at all (to the login page).
      if (response.statusCode() == 302) {
        assertEquals(client.uri("login.xhtml").getPath(), redirectTarget(response).getPath(), path);
      } else {
        assertEquals(400, response.statusCode(), path);
      }
    }
    assertSignedInAs("admin", client);
  }

  @Test
  void simultaneousSignInsToOneAccountAllSucceed() throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<LedgerBridgeClient>> signIns = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        signIns.add(
            pool.submit(
                () -> {
                  LedgerBridgeClient browser = new LedgerBridgeClient(base);
                  Map<String, String> fields = new LinkedHashMap<>(browser.openLoginForm(null));
                  fields.put("login:username", "accountant");
                  fields.put("login:password", "accountant");
                  fields.put("login:submit", "");
                  start.await();
                  assertStatus(302, browser.postForm("login.xhtml", fields));
                  return browser;
                }));
      }
      start.countDown();
      for (Future<LedgerBridgeClient> signIn : signIns) {
        assertSignedInAs("accountant", signIn.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aForgedOrExpiredViewStateOnTheLoginPageGetsTheExpiredPageNotAnError() {
    for (String viewState : List.of("-1234567890123456789:987654321", "forged", "x".repeat(5000))) {
      Map<String, String> fields = new LinkedHashMap<>(client.openLoginForm(null));
      fields.put("jakarta.faces.ViewState", viewState);
      fields.put("login:username", "admin");
      fields.put("login:password", "admin");
      fields.put("login:submit", "");

      HttpResponse<String> response = client.postForm("login.xhtml", fields);

      assertEquals(400, response.statusCode(), viewState);
      assertTrue(response.body().contains("This page has expired"), response.body());
      assertStatus(302, client.get("index.xhtml"));
    }
  }

  @Test
  void commonPasswordsTheUsernameAndBlankPasswordsAreRefused() {
    client.signIn("admin", "admin");
    String username = "pw-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    for (String password : List.of("password123", "Qwertyuiop", "          ", username)) {
      HttpResponse<String> page = client.get("admin/users.xhtml");
      Map<String, String> fields =
          new LinkedHashMap<>(LedgerBridgeClient.formFields(page.body(), "newUser"));
      fields.put("newUser:username", username);
      fields.put("newUser:role", "VIEWER");
      fields.put("newUser:password", password);
      fields.put("newUser:create", "Create user");

      HttpResponse<String> response =
          client.postForm("admin/users.xhtml", fields, "Origin", client.origin());

      assertStatus(200, response);
      assertTrue(
          response.body().contains("breaches")
              || response.body().contains("username")
              || response.body().contains("only spaces"),
          password);
      assertFalse(client.get("admin/users.xhtml").body().contains(">" + username + "<"), password);
    }
  }

  @Test
  void datesOutsideWhatXeroKeepsAreRefusedInEveryFilter() {
    for (String date :
        List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "2200-01-01")) {
      for (String path :
          List.of(
              INTAKE + LedgerBridgeClient.query("from", date),
              INTAKE + LedgerBridgeClient.query("to", date),
              "api/v1/audit" + LedgerBridgeClient.query("from", date))) {
        JsonObject problem = assertProblem(400, client.getAsViewer(path));
        assertTrue(problem.getString("detail").contains("between 1900-01-01 and 2199-12-31"), path);
      }
      HttpResponse<String> run =
          client.asAdmin(
              "POST",
              "api/v1/import-runs",
              "{\"kind\":\"SALE\",\"filter\":{\"from\":\"" + date + "\"}}");
      JsonObject problem = assertProblem(400, run);
      assertTrue(problem.getString("detail").contains("filter.from"), problem.toString());
    }
  }

  // ---- API -------------------------------------------------------------------------------------

  @Test
  void theApiWithoutCredentialsIsUnauthorizedAsProblemJson() {
    HttpResponse<String> response = client.get(INTAKE);

    JsonObject problem = assertProblem(401, response);
    assertEquals("Unauthorized", problem.getString("title"));
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.contains("Bearer") && challenge.contains("Basic"), challenge);
  }

  @Test
  void aWrongTokenIsUnauthorizedAndStoresNothing() {
    String id = uniqueId("wrong-token");
    HttpResponse<String> response =
        client.send(
            client
                .request(INTAKE)
                .header("Authorization", bearer("not-" + DEMO_TOKEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(sale(id, 1)))));

    assertProblem(401, response);
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    assertTrue(client.stored("SALE", id).isEmpty());
  }

  @Test
  void aWrongPasswordOverBasicIsUnauthorized() {
    assertProblem(
        401, client.send(client.request(INTAKE).header("Authorization", basic("viewer", "wrong"))));
    assertProblem(401, client.send(client.request(INTAKE).header("Authorization", "Basic %%%")));
  }

  @Test
  void aNewTokenSendingManyRequestsAtOnceHasEveryOneAccepted() throws Exception {
    client.signIn("admin", "admin");
    HttpResponse<String> page = client.get("admin/users.xhtml");
    Map<String, String> fields =
        new LinkedHashMap<>(LedgerBridgeClient.formFields(page.body(), "newToken"));
    fields.put("newToken:name", "burst-" + uniqueId("t"));
    fields.put("newToken:createToken", "Create token");
    HttpResponse<String> created =
        client.postForm("admin/users.xhtml", fields, "Origin", client.origin());
    Matcher shown = Pattern.compile("lbt_[A-Za-z0-9_-]{43}").matcher(created.body());
    assertTrue(shown.find(), "the new token is shown once");
    String token = shown.group();

    // Its first use is written down as it signs in; twelve requests at once must not fail on it.
    int senders = 12;
    LedgerBridgeClient sender = new LedgerBridgeClient(base);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        String id = uniqueId("burst");
        ids.add(id);
        HttpRequest.Builder request =
            sender
                .request(INTAKE)
                .header("Authorization", bearer(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(sale(id, 1))));
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  return sender.send(request);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> response : sent) {
        assertStatus(200, response.get(120, TimeUnit.SECONDS));
      }
      for (String id : ids) {
        assertTrue(client.stored("SALE", id).isPresent(), id);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theIntegrationTokenMayOnlySendTransactionsNotReadThem() {
    String id = uniqueId("token-read");
    assertEquals("CREATED", client.intake(sale(id, 1)).outcome(0));

    assertProblem(
        403, client.send(client.request(INTAKE).header("Authorization", bearer(DEMO_TOKEN))));
    assertProblem(
        403,
        client.send(
            client.request(INTAKE + "/SALE/" + id).header("Authorization", bearer(DEMO_TOKEN))));
  }

  @Test
  void staffMayReadButNotSendTransactions() {
    for (String user : List.of("viewer", "accountant", "admin")) {
      assertStatus(
          200,
          client.send(
              client.request(INTAKE + "?size=1").header("Authorization", basic(user, user))));

      String id = uniqueId("staff-post");
      HttpResponse<String> post =
          client.send(
              client
                  .request(INTAKE)
                  .header("Authorization", basic(user, user))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body(sale(id, 1)))));
      JsonObject problem = assertProblem(403, post);
      assertEquals("Forbidden", problem.getString("title"), user);
      assertTrue(client.stored("SALE", id).isEmpty(), user);
    }
  }

  @Test
  void theApiIgnoresThePageSessionSoABrowserCannotBeTrickedIntoApiCalls() {
    client.signIn("admin", "admin");
    assertSignedInAs("admin", client);

    assertProblem(401, client.get(INTAKE));
  }

  // ---- health ----------------------------------------------------------------------------------

  @Test
  void pagesNeedTheRightRole() {
    client.signIn("viewer", "viewer");
    assertEquals(403, client.get("admin/users.xhtml").statusCode(), "a viewer is not an admin");
    assertEquals(403, client.get("intake/upload.xhtml").statusCode(), "a viewer may not upload");
    assertStatus(200, client.get("transactions/list.xhtml?kind=sale"));
    // Contact matching: everyone reads it; only accountants and admins get its controls.
    HttpResponse<String> matching = client.get("contacts/matching.xhtml");
    assertStatus(200, matching);
    assertTrue(matching.body().contains("id=\"nav-contacts\""), "in the viewer's menu");
    assertFalse(matching.body().contains("bulk:"), "no bulk actions for a viewer");

    LedgerBridgeClient accountant = new LedgerBridgeClient(base);
    accountant.signIn("accountant", "accountant");
    assertStatus(200, accountant.get("intake/upload.xhtml"));
    assertEquals(403, accountant.get("admin/users.xhtml").statusCode());

    LedgerBridgeClient admin = new LedgerBridgeClient(base);
    admin.signIn("admin", "admin");
    assertStatus(200, admin.get("admin/users.xhtml"));
  }

  @Test
  void repeatedWrongPasswordsBlockFurtherGuessesForThatAccount() {
    String user = "nobody-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> last = null;
    for (int i = 0; i < 11; i++) {
      last =
          client.send(
              client
                  .request("api/v1/transactions")
                  .header("Authorization", LedgerBridgeClient.basic(user, "guess-" + i))
                  .GET());
    }
    assertEquals(429, last.statusCode(), "the eleventh guess within 15 minutes is refused");
    assertTrue(last.headers().firstValue("Retry-After").isPresent());
    // Other accounts are not affected.
    assertStatus(200, client.getAsViewer("api/v1/transactions?size=1"));
  }

  @Test
  void readinessReportsTheDatabaseInUse() {
    HttpResponse<String> response = client.get("/health/ready");

    assertStatus(200, response);
    JsonObject health = json(response);
    assertEquals("UP", health.getString("status"));
    JsonObject database =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("ledgerbridge-database"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database check in " + health));
    assertEquals("UP", database.getString("status"));
    String product = database.getJsonObject("data").getString("database");
    assertTrue(product.startsWith(FreshDatabase.isPostgres() ? "PostgreSQL" : "H2"), product);
  }

  /**
   * Signed in: the home page opens instead of redirecting to the login page, and names the user.
   */
  private static void assertSignedInAs(String username, LedgerBridgeClient client) {
    HttpResponse<String> home = client.get("index.xhtml");
    assertStatus(200, home);
    assertTrue(home.body().contains(username), "the home page names " + username);
    assertFalse(home.body().contains("id=\"login\""), "not the login form");
  }

  private static String sessionCookieHeader(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie set by " + response.uri()));
  }

  private static Optional<String> sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(
            c ->
                c.substring(
                    "JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst();
  }
}
