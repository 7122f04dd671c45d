package io.ledgerbridge.platform.security;

import static io.ledgerbridge.testing.LedgerBridgeClient.INTAKE;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static io.ledgerbridge.testing.TestTransactions.body;
import static io.ledgerbridge.testing.TestTransactions.sale;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static io.ledgerbridge.testing.TestTransactions.with;
import static io.ledgerbridge.testing.TestTransactions.withContact;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The regression suite of hostile and malformed input, in one table so it only grows: each row is a
 * request a reviewer or an attacker sent, and the answer a user relies on — a clear 4xx, never a
 * 500, and nothing stored. Every row runs (assertAll), so one run reports every regression. Add a
 * row for every new finding; the focused tests elsewhere (SecurityIT, IntakeApiIT) explain each
 * rule in detail.
 */
class HostileInputIT extends LedgerBridgeDeployment {

  private static final String ADMIN = basic("admin", "admin");
  private static final String VIEWER = basic("viewer", "viewer");
  private static final String TOKEN = bearer(LedgerBridgeClient.DEMO_TOKEN);

  /** One hostile request and the statuses it may get. */
  record Case(
      String name, Function<LedgerBridgeClient, HttpResponse<String>> send, Set<Integer> ok) {}

  private static Case api(
      String name, String auth, String method, String path, String body, Integer... ok) {
    if (auth == null) {
      return new Case(name, c -> c.get(path), Set.of(ok));
    }
    return new Case(name, c -> c.call(auth, method, path, body), Set.of(ok));
  }

  private static Case raw(String name, String contentType, byte[] body, Integer... ok) {
    return new Case(
        name,
        c ->
            c.send(
                c.request(INTAKE)
                    .header("Authorization", TOKEN)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))),
        Set.of(ok));
  }

  private static List<Case> requests() {
    List<Case> cases = new ArrayList<>();
    // Dates beyond what Xero keeps (item 4 of the review).
    for (String date :
        List.of("+999999999-12-31", "-999999999-01-01", "2200-01-01", "31/12/2026", "2026-02-30")) {
      cases.add(
          api(
              "transactions from=" + date,
              VIEWER,
              "GET",
              INTAKE + LedgerBridgeClient.query("from", date),
              null,
              400));
      cases.add(
          api(
              "audit to=" + date,
              ADMIN,
              "GET",
              "api/v1/audit" + LedgerBridgeClient.query("to", date),
              null,
              400));
      cases.add(
          api(
              "import run filter.from=" + date,
              ADMIN,
              "POST",
              "api/v1/import-runs",
              "{\"kind\":\"SALE\",\"filter\":{\"from\":\"" + date + "\"}}",
              400));
    }
    // Malformed bodies.
    cases.add(
        raw(
            "truncated JSON",
            "application/json",
            "[{\"kind\":".getBytes(StandardCharsets.UTF_8),
            400));
    cases.add(
        raw("not JSON at all", "application/json", "<xml/>".getBytes(StandardCharsets.UTF_8), 400));
    cases.add(
        raw(
            "invalid UTF-8",
            "application/json",
            new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'},
            400));
    cases.add(
        raw(
            "a number beyond any amount",
            "application/json",
            ("{\"items\":[{\"kind\":\"SALE\",\"sourceId\":\"x\",\"version\":1e999999}]}")
                .getBytes(StandardCharsets.UTF_8),
            400));
    cases.add(raw("wrong content type", "text/plain", "[]".getBytes(StandardCharsets.UTF_8), 415));
    cases.add(
        raw(
            "deeply nested JSON",
            "application/json",
            ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8),
            400,
            413));
    // Identifiers and enum words that are not what they seem.
    cases.add(api("unknown kind", VIEWER, "GET", INTAKE + "/NOPE/x", null, 400, 404));
    cases.add(api("kind with a NUL", VIEWER, "GET", INTAKE + "/SALE%00/x", null, 400, 404));
    cases.add(
        api(
            "path traversal in a source id",
            VIEWER,
            "GET",
            INTAKE + "/SALE/..%2F..%2Fetc%2Fpasswd",
            null,
            400,
            404));
    cases.add(
        api(
            "SQL in a filter",
            VIEWER,
            "GET",
            INTAKE + LedgerBridgeClient.query("q", "' OR 1=1 --"),
            null,
            200));
    cases.add(
        api(
            "LIKE wildcards in the audit search",
            ADMIN,
            "GET",
            "api/v1/audit" + LedgerBridgeClient.query("subject", "%_%\\"),
            null,
            200));
    cases.add(
        api(
            "a page number beyond int",
            VIEWER,
            "GET",
            INTAKE + LedgerBridgeClient.query("page", "99999999999999999999"),
            null,
            400));
    // Who may do what.
    cases.add(api("no credentials", null, "GET", INTAKE, null, 401));
    cases.add(
        api("viewer disconnects Xero", VIEWER, "DELETE", "api/v1/xero/connection", null, 403));
    cases.add(
        api(
            "viewer starts an import",
            VIEWER,
            "POST",
            "api/v1/import-runs",
            "{\"kind\":\"SALE\",\"sourceIds\":[\"x\"]}",
            403));
    cases.add(api("integration token on the audit API", TOKEN, "GET", "api/v1/audit", null, 403));
    // Pages.
    cases.add(
        new Case(
            // Refused, or sent to sign in: never honoured (SecurityIT signs in to prove it).
            "session id in the URL",
            c -> c.get("index.xhtml;jsessionid=0123456789abcdef"),
            Set.of(400, 302)));
    cases.add(
        new Case(
            "view state in a GET",
            c -> c.get("login.xhtml?jakarta.faces.ViewState=1:2"),
            Set.of(403)));
    return cases;
  }

  @Test
  void everyHostileRequestGetsAClearRefusalNeverA500() {
    List<Executable> checks = new ArrayList<>();
    for (Case c : requests()) {
      checks.add(
          () -> {
            HttpResponse<String> response = c.send().apply(client);
            assertTrue(
                c.ok().contains(response.statusCode()),
                () ->
                    c.name()
                        + ": expected "
                        + c.ok()
                        + ", got "
                        + response.statusCode()
                        + " "
                        + response.body());
          });
    }
    assertAll(checks);
  }

  /** Text that looks harmless on screen but is not: refused per field, nothing stored. */
  @Test
  void deceptiveTextInIntakeIsAFieldErrorAndNothingIsStored() {
    List<Executable> checks = new ArrayList<>();
    for (String text :
        List.of(
            "Acme\u202Egnp.exe", // right-to-left override
            "Ac\u200Bme", // zero-width space
            "\u2066Acme\u2069", // bidi isolates
            "\uFEFFAcme", // byte order mark
            "Acme\u2028Ltd", // line separator
            "Acme\u0000", // NUL
            "Acme\u0007")) { // bell
      String id = uniqueId("hostile");
      checks.add(
          () -> {
            JsonObject item = withContact(sale(id, 1), "name", text);
            LedgerBridgeClient.Results results = client.intake(item);
            assertEquals(
                "REJECTED",
                results.outcome(0),
                () -> TextRules.printable(text) + ": " + results.get(0));
            assertFalse(
                results.errors(0).isEmpty(), () -> TextRules.printable(text) + ": no field named");
            assertTrue(
                client.stored("SALE", id).isEmpty(),
                () -> TextRules.printable(text) + " was stored");
          });
    }
    for (String kind : List.of("SALE\u0000", "sale\u200B", "SALE\n", "\tSALE", "SA LE")) {
      String id = uniqueId("hostile-kind");
      checks.add(
          () -> {
            HttpResponse<String> response =
                client.postIntake(body(with(sale(id, 1), "kind", kind)));
            assertFalse(
                response.statusCode() >= 500,
                () -> TextRules.printable(kind) + ": " + response.body());
            if (response.statusCode() == 200) {
              assertEquals(
                  "REJECTED",
                  new LedgerBridgeClient.Results(LedgerBridgeClient.json(response)).outcome(0));
            }
            assertTrue(
                client.stored("SALE", id).isEmpty(),
                () -> TextRules.printable(kind) + " was stored");
          });
    }
    assertAll(checks);
  }
}
