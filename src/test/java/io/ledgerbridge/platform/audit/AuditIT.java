package io.ledgerbridge.platform.audit;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.LedgerBridgeClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit log over HTTP: real, audited changes (a settings change and its undoing, a contact
 * linked and unlinked) found again through {@code GET /api/v1/audit} with each filter and paging,
 * its refusals and roles, and the page showing the filtered rows as text. Other ITs share the
 * database, so every query names values this test made (a unique contact code, its own settings
 * change) and the test puts back what it changed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIT extends LedgerBridgeDeployment {

  private static final String AUDIT = "api/v1/audit";
  private static final String SETTINGS = "api/v1/settings";
  private static final String CONTACTS = "api/v1/contacts";
  private static final ZoneId SERVER_ZONE = ZoneId.systemDefault();

  /** A contact code no other test uses, with markup in it, so the page must escape it. */
  private static final String CODE =
      "AUD<b>-" + TestTransactions.uniqueId("x").substring(2).toUpperCase();

  /** What the settings change in test 2 changed importWindowMonths to and back from. */
  private static String changedTo;

  private static String original;

  @Test
  @Order(1)
  void viewersMayReadItStrangersAndTheInventorySystemMayNot() {
    assertProblem(401, client.get(AUDIT));
    assertProblem(
        403,
        client.send(
            client.request(AUDIT).header("Authorization", bearer("demo-integration-token"))));
    HttpResponse<String> viewer = client.getAsViewer(AUDIT);
    assertStatus(200, viewer);
    JsonObject page = json(viewer);
    assertEquals(1, page.getInt("page"));
    assertEquals(50, page.getInt("size"));
    assertTrue(page.getJsonArray("items").size() <= 50);
    // Demo mode wrote entries at startup at least (demo users and token).
    assertTrue(page.getJsonNumber("total").longValue() > 0, page::toString);
  }

  @Test
  @Order(2)
  void aSettingsChangeIsFoundByActionActorSubjectAndDay() {
    JsonValue before = json(client.asAdmin("GET", SETTINGS, null)).get("importWindowMonths");
    original = before instanceof JsonNumber n ? String.valueOf(n.intValue()) : null;
    changedTo = "117".equals(original) ? "118" : "117";
    assertStatus(200, patch("{\"importWindowMonths\":" + changedTo + "}"));
    assertStatus(
        200, patch("{\"importWindowMonths\":" + (original == null ? "null" : original) + "}"));
    String was = original == null ? "(none)" : original;

    // Action by prefix, actor exactly, subject contains (any case): newest first.
    List<JsonObject> items =
        items(search("action", "settings.", "actor", "admin", "subject", "IMPORTwindow"));
    JsonObject undone = items.get(0);
    JsonObject done = items.get(1);
    assertEquals(changedTo + " → " + was, undone.getString("details"));
    assertEquals(was + " → " + changedTo, done.getString("details"));
    for (JsonObject entry : List.of(done, undone)) {
      assertEquals("admin", entry.getString("actor"));
      assertEquals("settings.changed", entry.getString("action"));
      assertEquals("importWindowMonths", entry.getString("subject"));
    }
    assertFalse(
        Instant.parse(undone.getString("at")).isBefore(Instant.parse(done.getString("at"))));

    // The same with the exact action, with a star, and not with a bare family name.
    assertEquals(
        items,
        items(search("action", "settings.changed", "actor", "admin", "subject", "importWindow")));
    assertEquals(
        items, items(search("action", "settings*", "actor", "admin", "subject", "importWindow")));
    assertEquals(0, total(search("action", "settings", "subject", "importWindow")));
    // The actor is exact.
    assertEquals(0, total(search("actor", "ADMIN", "subject", "importWindow")));
    assertEquals(0, total(search("actor", "adm", "subject", "importWindow")));

    // Days in the server's zone, both ends inclusive.
    LocalDate first = day(done);
    LocalDate last = day(undone);
    List<JsonObject> inRange =
        items(
            search(
                "actor",
                "admin",
                "subject",
                "importWindowMonths",
                "from",
                first + "",
                "to",
                last + ""));
    assertEquals(items.subList(0, 2), inRange.subList(0, 2));
    assertEquals(0, total(search("subject", "importWindowMonths", "from", last.plusDays(1) + "")));
    for (JsonObject earlier :
        items(search("subject", "importWindowMonths", "to", first.minusDays(1) + ""))) {
      assertTrue(day(earlier).isBefore(first), earlier::toString);
    }
  }

  @Test
  @Order(3)
  void aContactLinkAndUnlinkAreFoundBySubjectAndPagedNewestFirst() {
    boolean wasConnected =
        json(client.asAdmin("GET", "api/v1/xero/connection", null)).getBoolean("connected");
    if (!wasConnected) {
      assertStatus(
          200,
          client.asAdmin("PUT", "api/v1/xero/connection", "{\"mode\":\"client_credentials\"}"));
    }
    try {
      client.intake(
          TestTransactions.withContact(
              TestTransactions.withContact(
                  TestTransactions.sale(TestTransactions.uniqueId("audit"), 1), "code", CODE),
              "name",
              "Audit Trail Customer " + CODE));
      assertStatus(200, client.as("accountant", "POST", CONTACTS + "/refresh", null));
      String xeroId =
          json(client.as("accountant", "GET", CONTACTS + "/xero?q=Harbour", null))
              .getJsonArray("contacts")
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(c -> "ACTIVE".equals(c.getString("status")))
              .map(c -> c.getString("xeroContactId"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no active Harbour contact in the sandbox"));
      String link = CONTACTS + "/" + path(CODE) + "/link";
      assertStatus(
          200, client.as("accountant", "PUT", link, "{\"xeroContactId\":\"" + xeroId + "\"}"));
      assertStatus(204, client.as("accountant", "DELETE", link, null));
    } finally {
      if (!wasConnected) {
        client.asAdmin("DELETE", "api/v1/xero/connection", null);
      }
    }

    JsonObject both = search("action", "contact.", "subject", CODE.toLowerCase());
    assertEquals(2, total(both));
    List<JsonObject> items = items(both);
    assertEquals("contact.unlinked", items.get(0).getString("action"));
    assertEquals("contact.linked", items.get(1).getString("action"));
    for (JsonObject entry : items) {
      assertEquals("accountant", entry.getString("actor"));
      assertEquals(CODE, entry.getString("subject"));
    }
    assertTrue(items.get(1).getString("details").contains("Harbour"), items.get(1)::toString);

    // One per page: newest first, the total on every page, nothing past the end.
    JsonObject page1 = search("subject", CODE, "size", "1", "page", "1");
    assertEquals(List.of(items.get(0)), items(page1));
    assertEquals(2, total(page1));
    assertEquals(1, page1.getInt("size"));
    assertEquals(2, page1.getInt("pageCount"));
    JsonObject page2 = search("subject", CODE, "size", "1", "page", "2");
    assertEquals(List.of(items.get(1)), items(page2));
    assertEquals(2, page2.getInt("page"));
    JsonObject page3 = search("subject", CODE, "size", "1", "page", "3");
    assertTrue(items(page3).isEmpty());
    assertEquals(2, total(page3));

    assertEquals(2, total(search("actor", "accountant", "subject", CODE)));
    assertEquals(0, total(search("actor", "admin", "subject", CODE)));
    assertEquals(1, total(search("action", "contact.linked", "subject", CODE)));
  }

  @Test
  @Order(4)
  void unreadableFiltersAndPagesAre400() {
    assertTrue(
        assertProblem(400, client.getAsViewer(AUDIT + query("from", "2026-13-01")))
            .getString("detail")
            .startsWith("from must be a date in the form YYYY-MM-DD"));
    assertTrue(
        assertProblem(400, client.getAsViewer(AUDIT + query("to", "yesterday")))
            .getString("detail")
            .startsWith("to must be a date"));
    assertEquals(
        "from (2026-03-02) is after to (2026-03-01).",
        assertProblem(
                400, client.getAsViewer(AUDIT + query("from", "2026-03-02", "to", "2026-03-01")))
            .getString("detail"));
    assertProblem(400, client.getAsViewer(AUDIT + query("page", "0")));
    assertProblem(400, client.getAsViewer(AUDIT + query("page", "two")));
    assertProblem(400, client.getAsViewer(AUDIT + query("size", "501")));
    assertProblem(400, client.getAsViewer(AUDIT + query("size", "0")));
  }

  @Test
  @Order(5)
  void thePageShowsTheFilteredRowsAsText() {
    LedgerBridgeClient viewer = new LedgerBridgeClient(base);
    viewer.signIn("viewer", "viewer");

    HttpResponse<String> filtered =
        viewer.get("audit.xhtml" + query("action", "contact.", "subject", CODE));
    assertStatus(200, filtered);
    String table = table(filtered.body());
    assertTrue(filtered.body().contains("1–2 of 2"), filtered::body);
    assertTrue(table.contains("contact.linked") && table.contains("contact.unlinked"), table);
    assertFalse(table.contains("settings.changed"), "only the filtered rows: " + table);
    String escaped = CODE.replace("<", "&lt;").replace(">", "&gt;");
    assertTrue(table.contains(escaped), table);
    assertFalse(filtered.body().contains(CODE), "the code's markup is shown as text");
    // The filter is kept in the form, so the view can be refined and bookmarked.
    assertTrue(filtered.body().contains("value=\"contact.\""), filtered::body);

    // A page past the end (an old bookmark) shows the last page.
    HttpResponse<String> pastTheEnd =
        viewer.get("audit.xhtml" + query("subject", CODE, "page", "9"));
    assertStatus(200, pastTheEnd);
    assertTrue(table(pastTheEnd.body()).contains("contact.linked"));

    HttpResponse<String> none =
        viewer.get("audit.xhtml" + query("subject", "<script>alert(1)</script>" + CODE));
    assertStatus(200, none);
    assertTrue(none.body().contains("No audit entries match these filters."), none::body);
    assertFalse(none.body().contains("<script>alert(1)"), "the filter is echoed as text");
    assertTrue(none.body().contains("&lt;script&gt;alert(1)"), none::body);

    HttpResponse<String> badDate = viewer.get("audit.xhtml" + query("from", "01/03/2026"));
    assertStatus(200, badDate);
    assertTrue(
        badDate.body().contains("from must be a date in the form YYYY-MM-DD"), badDate::body);
    assertFalse(badDate.body().contains("id=\"audit\""), "no rows for a filter it cannot read");
  }

  @Test
  @Order(6)
  void theSettingsAreAsBefore() {
    JsonValue now = json(client.asAdmin("GET", SETTINGS, null)).get("importWindowMonths");
    assertEquals(original, now instanceof JsonNumber n ? String.valueOf(n.intValue()) : null);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private HttpResponse<String> patch(String body) {
    return client.send(
        client
            .request(SETTINGS)
            .header("Authorization", LedgerBridgeClient.basic("admin", "admin"))
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonObject search(String... nameValues) {
    HttpResponse<String> response = client.getAsViewer(AUDIT + query(nameValues));
    assertStatus(200, response);
    return json(response);
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static long total(JsonObject page) {
    return page.getJsonNumber("total").longValue();
  }

  private static LocalDate day(JsonObject entry) {
    return LocalDate.ofInstant(Instant.parse(entry.getString("at")), SERVER_ZONE);
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The audit table of a page, so that suggestions elsewhere on it do not count as rows. */
  private static String table(String html) {
    int start = html.indexOf("<table class=\"grid\" id=\"audit\"");
    assertTrue(start >= 0, () -> "no audit table in: " + html);
    return html.substring(start, html.indexOf("</table>", start));
  }
}
