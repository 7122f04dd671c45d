package io.ledgerbridge.settings;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Accounting settings over HTTP against the built-in sandbox's demo organisation: defaults, a valid
 * set-up round-tripping, every kind of refusal with its field path (and nothing stored), malformed
 * input, optimistic locking, the audit trail, roles, and the source values seen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsIT extends LedgerBridgeDeployment {

  private static final String SETTINGS = "api/v1/settings";
  private static final String ADMIN = basic("admin", "admin");
  private static final String MERGE = "application/merge-patch+json";
  private static boolean connected;

  /** Everything back to the defaults (merge patch: null removes). */
  private static final String RESET =
      "{\"accountingMethod\":null,\"accounts\":null,\"accountOverrides\":null,\"taxMappings\":null,"
          + "\"tracking\":null,\"numbering\":null,\"dates\":null,\"roundingTolerance\":null,"
          + "\"importWindowMonths\":null}";

  private static final String VALID =
      """
      {"accountingMethod":"PERPETUAL",
       "accounts":{"sales":"200","purchases":"300","inventory":"635","cogs":"310","freight":"320",
                   "discounts":"270","rounding":"860","stockAdjustment":"330"},
       "accountOverrides":{"products":{"GAD-200":{"sales":"210"}},"branches":{"Wellington":{"purchases":"300"}}},
       "taxMappings":{"GST":{"sales":"OUTPUT2","purchases":"INPUT2"},
                      "ZERO":{"sales":"ZERORATED","purchases":"ZERORATEDINPUT"}},
       "tracking":{"Region":{"sourceField":"branch",
                             "options":{"Auckland":"Auckland","Wellington":"Wellington","Christchurch":"Christchurch"}},
                   "Sales Channel":{"sourceField":"channel","options":{"POS":"POS","Web":"Web","Wholesale":"Wholesale"}}},
       "numbering":{"invoicePrefix":"","creditNotePrefix":"CN-","salesReference":"{reference}",
                    "purchaseReference":"{number} {reference}"},
       "dates":{"xeroDate":"DISPATCH_DATE","paymentTermsDays":20},
       "roundingTolerance":0.05,
       "importWindowMonths":6}
      """;

  @Test
  @Order(1)
  void defaultsBeforeXeroIsConnectedAndTheReasonWhenMappingWithoutReferenceData() {
    assertEquals(204, call("DELETE", "api/v1/xero/connection", null, ADMIN).statusCode());
    // The IT classes share one database: back to the defaults whatever an earlier class set.
    assertStatus(200, patch(RESET, ADMIN));
    HttpResponse<String> get = call("GET", SETTINGS, null, ADMIN);
    assertStatus(200, get);
    assertTrue(get.headers().firstValue("ETag").isPresent(), "an ETag for If-Match");
    JsonObject s = json(get);
    assertEquals("PERPETUAL", s.getString("accountingMethod"));
    assertEquals(JsonValue.NULL, s.getJsonObject("accounts").get("sales"));
    assertEquals(0, s.getJsonObject("taxMappings").size());
    assertEquals(0, s.getJsonObject("tracking").size());
    assertEquals("INVOICE_DATE", s.getJsonObject("dates").getString("xeroDate"));
    assertEquals("0.05", s.getJsonNumber("roundingTolerance").bigDecimalValue().toPlainString());
    assertEquals(JsonValue.NULL, s.get("importWindowMonths"));
    assertFalse(s.getBoolean("referenceDownloaded"));
    assertEquals(0, s.getJsonArray("problems").size());

    JsonObject problem = assertProblem(422, patch("{\"accounts\":{\"sales\":\"200\"}}", ADMIN));
    assertEquals(
        List.of("reference"), fields(problem), "the one reason: no reference data downloaded yet");
    assertTrue(message(problem, "reference").contains("No Xero reference data"));

    // Settings that need no Xero data can be set already.
    assertStatus(200, patch("{\"accountingMethod\":\"PERIODIC\",\"importWindowMonths\":3}", ADMIN));
    assertEquals(
        "PERIODIC", json(call("GET", SETTINGS, null, ADMIN)).getString("accountingMethod"));
  }

  @Test
  @Order(2)
  void aValidSetUpRoundTripsAndEveryChangeIsAudited() {
    connect();
    HttpResponse<String> saved = patch(VALID, ADMIN);
    assertStatus(200, saved);
    JsonObject s = json(call("GET", SETTINGS, null, ADMIN));
    assertTrue(s.getBoolean("referenceDownloaded"));
    assertEquals(0, s.getJsonArray("problems").size(), s.getJsonArray("problems")::toString);
    assertEquals("PERPETUAL", s.getString("accountingMethod"));
    assertEquals("635", s.getJsonObject("accounts").getString("inventory"));
    assertEquals("330", s.getJsonObject("accounts").getString("stockAdjustment"));
    assertEquals(
        "INPUT2", s.getJsonObject("taxMappings").getJsonObject("GST").getString("purchases"));
    assertEquals(
        "210",
        s.getJsonObject("accountOverrides")
            .getJsonObject("products")
            .getJsonObject("GAD-200")
            .getString("sales"));
    assertEquals(
        "Wellington",
        s.getJsonObject("tracking")
            .getJsonObject("Region")
            .getJsonObject("options")
            .getString("Wellington"));
    assertEquals("DISPATCH_DATE", s.getJsonObject("dates").getString("xeroDate"));
    assertEquals(20, s.getJsonObject("dates").getInt("paymentTermsDays"));
    assertEquals(6, s.getInt("importWindowMonths"));
    assertEquals("admin", s.getString("updatedBy"));
    assertEquals(
        "\"" + s.getJsonNumber("version").longValue() + "\"",
        saved.headers().firstValue("ETag").orElseThrow());

    // A merge patch changes only what it names; null removes.
    assertStatus(
        200, patch("{\"accounts\":{\"sales\":\"210\"},\"taxMappings\":{\"ZERO\":null}}", ADMIN));
    JsonObject after = json(call("GET", SETTINGS, null, ADMIN));
    assertEquals("210", after.getJsonObject("accounts").getString("sales"));
    assertEquals("310", after.getJsonObject("accounts").getString("cogs"));
    assertFalse(after.getJsonObject("taxMappings").containsKey("ZERO"));

    JsonArray changes =
        json(call("GET", SETTINGS + "/history", null, ADMIN)).getJsonArray("changes");
    Map<String, String> latest = new HashMap<>();
    for (JsonValue v : changes) {
      JsonObject c = v.asJsonObject();
      latest.putIfAbsent(c.getString("field"), c.getString("change"));
      assertEquals("admin", c.getString("actor"));
    }
    assertEquals("200 → 210", latest.get("accounts.sales"));
    assertEquals("ZERORATED → (none)", latest.get("taxMappings.ZERO.sales"));
    assertEquals("(none) → 635", latest.get("accounts.inventory"));
    assertEquals("PERIODIC → PERPETUAL", latest.get("accountingMethod"));
  }

  @Test
  @Order(3)
  void everyRefusalIsListedWithItsFieldPathAndNothingIsStored() {
    connect();
    assertStatus(200, patch(VALID, ADMIN));
    JsonObject before = json(call("GET", SETTINGS, null, ADMIN));
    int audited =
        json(call("GET", SETTINGS + "/history", null, ADMIN)).getJsonArray("changes").size();

    JsonObject problem =
        assertProblem(
            422,
            patch(
                """
                {"accountingMethod":"PERIODIC",
                 "accounts":{"sales":"499","cogs":"630","inventory":"630","freight":"999"},
                 "taxMappings":{"GST":{"purchases":"OUTPUT2"},"ZERO":{"sales":"NOSUCHTAX"}},
                 "tracking":{"Region":{"options":{"Auckland":"Akaroa"}}},
                 "importWindowMonths":0}
                """,
                ADMIN));
    assertTrue(
        message(problem, "accounts.sales").contains("499 Old Sales (do not use) is archived"));
    assertTrue(message(problem, "accounts.cogs").contains("INVENTORY-type account"));
    assertTrue(message(problem, "accounts.inventory").contains("INVENTORY-type account"));
    assertTrue(
        message(problem, "accounts.freight").contains("'999' does not exist in Demo Company (NZ)"));
    assertTrue(
        message(problem, "taxMappings.GST.purchases")
            .startsWith("The TaxType code 'OUTPUT2' cannot be used with account code '300'"));
    assertTrue(message(problem, "taxMappings.ZERO.sales").contains("'NOSUCHTAX' does not exist"));
    assertTrue(
        message(problem, "tracking.Region.options.Auckland").contains("has no option 'Akaroa'"));
    assertTrue(message(problem, "importWindowMonths").contains("between 1 and 120"));

    JsonObject unchanged = json(call("GET", SETTINGS, null, ADMIN));
    assertEquals(before, unchanged, "nothing stored");
    assertEquals(
        audited,
        json(call("GET", SETTINGS + "/history", null, ADMIN)).getJsonArray("changes").size(),
        "nothing audited");

    // A tracking category the organisation does not have.
    JsonObject noCategory =
        assertProblem(
            422,
            patch(
                "{\"tracking\":{\"Region\":null,\"Projects\":{\"sourceField\":\"paymentMethod\"}}}",
                ADMIN));
    assertTrue(
        message(noCategory, "tracking.Projects").contains("no tracking category 'Projects'"));
  }

  @Test
  @Order(4)
  void malformedInputGetsAClear400() {
    connect();
    assertTrue(
        assertProblem(400, patch("{\"accounts\":", ADMIN))
            .getString("detail")
            .contains("not valid JSON"));
    assertProblem(400, patch("[1,2]", ADMIN));
    assertProblem(400, patch("", ADMIN));
    assertEquals(
        List.of("accounts.sale"),
        fields(assertProblem(400, patch("{\"accounts\":{\"sale\":\"200\"}}", ADMIN))));
    assertEquals(
        List.of("importWindowMonths"),
        fields(assertProblem(400, patch("{\"importWindowMonths\":\"six\"}", ADMIN))));
    assertTrue(
        message(
                assertProblem(400, patch("{\"importWindowMonths\":1e999}", ADMIN)),
                "importWindowMonths")
            .contains("too large"));
    assertTrue(
        message(
                assertProblem(
                    400,
                    patch("{\"taxMappings\":{\"GST\\ud800\":{\"sales\":\"OUTPUT2\"}}}", ADMIN)),
                "taxMappings.GST\\ud800")
            .contains("surrogate"));
    assertProblem(400, patch("{\"accountingMethod\":\"FIFO\"}", ADMIN));
    HttpResponse<String> xml =
        client.send(
            client
                .request(SETTINGS)
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/xml")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("<a/>")));
    assertProblem(415, xml);
  }

  @Test
  @Order(5)
  void concurrentEditsAreCaughtByIfMatchOrTheVersion() {
    connect();
    HttpResponse<String> get = call("GET", SETTINGS, null, ADMIN);
    String etag = get.headers().firstValue("ETag").orElseThrow();
    long version = json(get).getJsonNumber("version").longValue();
    // Someone else saves in between.
    assertStatus(200, patch("{\"importWindowMonths\":12}", ADMIN));

    HttpResponse<String> stale =
        client.send(
            client
                .request(SETTINGS)
                .header("Authorization", ADMIN)
                .header("Content-Type", MERGE)
                .header("If-Match", etag)
                .method(
                    "PATCH", HttpRequest.BodyPublishers.ofString("{\"importWindowMonths\":3}")));
    assertTrue(assertProblem(412, stale).getString("detail").contains("changed meanwhile"));
    assertProblem(409, patch("{\"version\":" + version + ",\"importWindowMonths\":3}", ADMIN));
    assertEquals(12, json(call("GET", SETTINGS, null, ADMIN)).getInt("importWindowMonths"));

    HttpResponse<String> fresh = call("GET", SETTINGS, null, ADMIN);
    HttpResponse<String> ok =
        client.send(
            client
                .request(SETTINGS)
                .header("Authorization", ADMIN)
                .header("Content-Type", MERGE)
                .header("If-Match", fresh.headers().firstValue("ETag").orElseThrow())
                .method(
                    "PATCH", HttpRequest.BodyPublishers.ofString("{\"importWindowMonths\":3}")));
    assertStatus(200, ok);
    assertEquals(3, json(ok).getInt("importWindowMonths"));
  }

  @Test
  @Order(6)
  void onlyAnAdminChangesSettingsEveryoneMayReadThem() {
    String viewer = basic("viewer", "viewer");
    String accountant = basic("accountant", "accountant");
    assertStatus(200, call("GET", SETTINGS, null, viewer));
    assertProblem(403, patch("{\"importWindowMonths\":2}", viewer));
    assertProblem(403, patch("{\"importWindowMonths\":2}", accountant));
    assertProblem(403, call("GET", SETTINGS + "/history", null, accountant));
    assertEquals(401, client.send(client.request(SETTINGS).GET()).statusCode());
    assertFalse(
        json(call("GET", SETTINGS, null, viewer)).get("importWindowMonths").toString().equals("2"));
  }

  @Test
  @Order(7)
  void theSourceTaxCodesAndValuesSeenAreListedWithCounts() {
    JsonObject seen = json(call("GET", SETTINGS + "/source-values", null, ADMIN));
    Map<String, JsonObject> codes =
        seen.getJsonArray("taxCodes").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(c -> c.getString("code"), c -> c));
    assertEquals(java.util.Set.of("GST", "ZERO"), codes.keySet(), "the demo data's tax codes");
    JsonObject gst = codes.get("GST");
    assertTrue(gst.getInt("salesLines") > 100, gst::toString);
    assertTrue(gst.getInt("purchaseLines") > 100, gst::toString);
    assertTrue(codes.get("ZERO").getInt("lines") > 0);
    List<String> branches =
        seen.getJsonArray("branch").stream().map(v -> v.asJsonObject().getString("value")).toList();
    assertEquals(List.of("Auckland", "Christchurch", "Wellington"), branches);
    assertTrue(
        seen.getJsonArray("channel").stream()
            .anyMatch(v -> v.asJsonObject().getString("value").equals("Wholesale")));
  }

  @Test
  @Order(8)
  void theSettingsPageListsTheTaxCodesAndShowsEachRefusalNextToItsField() {
    connect();
    client.signIn("admin", "admin");
    HttpResponse<String> page = client.get("admin/settings.xhtml");
    assertStatus(200, page);
    String html = page.body();
    assertTrue(
        html.contains("<code>GST</code>") && html.contains("<code>ZERO</code>"), "tax codes");
    assertTrue(html.contains("OUTPUT2 — 15% GST on Income (15%)"), "each TaxType with its rate");
    assertTrue(html.contains("Still missing before a first import"), "the gaps");

    Map<String, String> fields = pageFields(html);
    String sales = fieldEndingWith(fields, ":0:account");
    fields.put(sales, "499");
    fields.put("settings:save", "Save settings");
    HttpResponse<String> refused = client.postForm("admin/settings.xhtml", fields);
    assertStatus(200, refused);
    assertTrue(
        refused.body().contains("Account 499 Old Sales (do not use) is archived in Xero"),
        "the message next to the field");
    assertEquals(
        JsonValue.NULL,
        json(call("GET", SETTINGS, null, ADMIN)).getJsonObject("accounts").get("sales"));

    Map<String, String> again = pageFields(refused.body());
    again.put(fieldEndingWith(again, ":0:account"), "200");
    again.put("settings:save", "Save settings");
    HttpResponse<String> saved = client.postForm("admin/settings.xhtml", again);
    assertStatus(200, saved);
    assertTrue(saved.body().contains("Settings saved."), "saved");
    assertEquals(
        "200",
        json(call("GET", SETTINGS, null, ADMIN)).getJsonObject("accounts").getString("sales"));
  }

  @Test
  @Order(9)
  void testConnectionChecksTheMappedAccountsAndTaxRates() {
    connect();
    JsonObject incomplete = accountingCheck();
    assertEquals("WARNING", incomplete.getString("level"));
    assertTrue(
        incomplete.getString("detail").contains("No Sales account set."), incomplete::toString);
    assertTrue(
        incomplete.getString("detail").contains("Tax code GST is not mapped for sales"),
        incomplete::toString);

    assertStatus(200, patch(VALID, ADMIN));
    JsonObject complete = accountingCheck();
    assertEquals("OK", complete.getString("level"), complete::toString);
  }

  private JsonObject accountingCheck() {
    HttpResponse<String> test = call("POST", "api/v1/xero/connection-test", null, ADMIN);
    assertStatus(200, test);
    return json(test).getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("Accounting settings"))
        .findFirst()
        .orElseThrow();
  }

  // ------------------------------------------------------------------ helpers

  private static final java.util.regex.Pattern SELECT =
      java.util.regex.Pattern.compile(
          "<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern SELECTED =
      java.util.regex.Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"");
  private static final java.util.regex.Pattern RADIO =
      java.util.regex.Pattern.compile("<input[^>]*type=\"radio\"[^>]*>");
  private static final java.util.regex.Pattern ATTRIBUTE =
      java.util.regex.Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");

  /** The settings form as a browser would submit it: inputs, selects' chosen options, radios. */
  private static Map<String, String> pageFields(String html) {
    Map<String, String> fields =
        new java.util.LinkedHashMap<>(
            io.ledgerbridge.testing.LedgerBridgeClient.formFields(html, "settings"));
    fields.keySet().removeIf(k -> k.endsWith(":method"));
    java.util.regex.Matcher radio = RADIO.matcher(html);
    while (radio.find()) {
      Map<String, String> attributes = new HashMap<>();
      java.util.regex.Matcher attribute = ATTRIBUTE.matcher(radio.group());
      while (attribute.find()) {
        attributes.put(attribute.group(1), attribute.group(2));
      }
      if (attributes.containsKey("checked")) {
        fields.put(attributes.get("name"), attributes.get("value"));
      }
    }
    fields
        .entrySet()
        .removeIf(
            e ->
                e.getKey().contains(":remove")
                    || e.getKey().contains(":showValues")
                    || e.getKey().endsWith(":addOverride")
                    || e.getKey().endsWith(":save"));
    java.util.regex.Matcher select = SELECT.matcher(html);
    while (select.find()) {
      java.util.regex.Matcher chosen = SELECTED.matcher(select.group(2));
      fields.put(select.group(1), chosen.find() ? chosen.group(1) : "");
    }
    return fields;
  }

  private static String fieldEndingWith(Map<String, String> fields, String suffix) {
    return fields.keySet().stream()
        .filter(k -> k.endsWith(suffix))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no field ending " + suffix + " in " + fields.keySet()));
  }

  private void connect() {
    if (!connected) {
      assertStatus(
          200, call("PUT", "api/v1/xero/connection", "{\"mode\":\"client_credentials\"}", ADMIN));
      assertStatus(200, call("POST", "api/v1/xero/reference/refresh", null, ADMIN));
      connected = true;
    }
    assertStatus(200, patch(RESET, ADMIN));
  }

  private HttpResponse<String> patch(String body, String auth) {
    return client.send(
        client
            .request(SETTINGS)
            .header("Authorization", auth)
            .header("Content-Type", MERGE)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> call(String method, String path, String body, String auth) {
    return client.call(auth, method, path, body);
  }

  private static List<String> fields(JsonObject problem) {
    return problem.getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }

  private static String message(JsonObject problem, String field) {
    return problem.getJsonArray("errors").stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getString("field").equals(field))
        .map(e -> e.getString("message"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error at " + field + " in " + problem));
  }
}
