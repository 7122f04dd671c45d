package io.ledgerbridge.testing;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-up and checks shared by the import tests: a connected sandbox organisation with reference
 * data, accounting settings that make the test transactions importable, contacts linked (created in
 * the sandbox when missing), transactions sent through the intake API, runs started and awaited
 * over the REST API, and the sandbox console's view of what reached "Xero".
 *
 * <p>The IT classes of one failsafe execution share one database and sandbox: use unique source ids
 * and contact codes ({@link TestTransactions#uniqueId}) and never assume empty lists.
 */
public final class ImportFixture {

  /** The sandbox's Demo Company (NZ), the organisation a custom connection gets. */
  public static final String ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";

  /** The sandbox console's faults of the demo organisation ({@code PUT} a JSON body). */
  public static final String FAULTS = "api/v1/sandbox/organisations/" + ORG + "/faults";

  /** No faults at all: what every test that sets some puts back. */
  public static final String NO_FAULTS =
      "{\"error500Percent\":0,\"error503Percent\":0,\"latencyMs\":0,\"commitThenFailPercent\":0,"
          + "\"commitThenFailMode\":\"500\",\"minuteLimit\":null,\"dayLimit\":null,"
          + "\"concurrentLimit\":null}";

  private final LedgerBridgeClient client;

  public ImportFixture(LedgerBridgeClient client) {
    this.client = client;
  }

  public LedgerBridgeClient client() {
    return client;
  }

  /**
   * Connected (custom connection) to the demo organisation, reference data read, and settings that
   * make the test documents importable: default accounts, GST and ZERO mapped for both directions,
   * rounding tolerance 0.05, no import window.
   */
  public ImportFixture ready() {
    // Every IT class has its own Payara (its own port) on the shared database: a connection made
    // by an earlier class points at that server's sandbox, so connect again unless it is this
    // one's.
    HttpResponse<String> connection = client.asAdmin("GET", "api/v1/xero/connection", null);
    boolean usable =
        connection.statusCode() == 200
            && json(connection).getBoolean("connected", false)
            && "CONNECTED".equals(json(connection).getString("status", ""))
            && java.net.URI.create(json(connection).getString("apiUrl", "http://x:1/")).getPort()
                == client.base().getPort();
    if (!usable) {
      client.asAdmin("DELETE", "api/v1/xero/connection", null);
      assertStatus(
          200,
          client.asAdmin("PUT", "api/v1/xero/connection", "{\"mode\":\"client_credentials\"}"));
    }
    assertStatus(200, client.asAdmin("POST", "api/v1/xero/reference/refresh", null));
    String body =
        "{\"accounts\":{\"sales\":\"200\",\"purchases\":\"300\",\"inventory\":\"635\","
            + "\"cogs\":\"310\",\"rounding\":\"860\"},"
            + "\"taxMappings\":{\"GST\":{\"sales\":\"OUTPUT2\",\"purchases\":\"INPUT2\"},"
            + "\"ZERO\":{\"sales\":\"ZERORATED\",\"purchases\":\"ZERORATEDINPUT\"}},"
            + "\"roundingTolerance\":0.05,\"importWindowMonths\":null,"
            + "\"numbering\":{\"invoicePrefix\":\"\",\"creditNotePrefix\":\"\"},"
            + "\"dates\":{\"xeroDate\":\"INVOICE_DATE\"}}";
    patchSettings(body);
    return this;
  }

  /** Applies a JSON merge patch to the settings as the admin; it must be accepted. */
  public void patchSettings(String body) {
    HttpResponse<String> settings = client.asAdmin("GET", "api/v1/settings", null);
    assertStatus(200, settings);
    HttpResponse<String> patched =
        client.send(
            client
                .request("api/v1/settings")
                .header("Authorization", LedgerBridgeClient.basic("admin", "admin"))
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", settings.headers().firstValue("ETag").orElseThrow())
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    if (patched.statusCode() != 200) {
      fail("Settings not accepted: " + patched.statusCode() + " " + patched.body());
    }
  }

  /** The settings as the API gives them. */
  public JsonObject settings() {
    HttpResponse<String> settings = client.asAdmin("GET", "api/v1/settings", null);
    assertStatus(200, settings);
    return json(settings);
  }

  /**
   * Links a source contact code to a Xero contact (created in the sandbox if none has its name).
   */
  public String link(String code) {
    HttpResponse<String> created =
        client.asAdmin("PUT", "api/v1/contacts/" + code + "/link", "{\"create\":true}");
    if (created.statusCode() == 200) {
      return json(created).getString("xeroContactId");
    }
    if (created.statusCode() == 409 && json(created).containsKey("existingContact")) {
      String id = json(created).getJsonObject("existingContact").getString("contactId");
      HttpResponse<String> linked =
          client.asAdmin(
              "PUT", "api/v1/contacts/" + code + "/link", "{\"xeroContactId\":\"" + id + "\"}");
      assertStatus(200, linked);
      return id;
    }
    fail("Could not link " + code + ": " + created.statusCode() + " " + created.body());
    return null;
  }

  // ---- transactions ---------------------------------------------------------------------------

  /**
   * A document of {@code kind} (SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT) for {@code
   * contactCode}, dated {@code date}, with GST lines exclusive of tax: each line {quantity, unit
   * price}; the total is computed the Xero way (15% per line, rounded to 2 dp).
   */
  public static JsonObject document(
      String kind,
      String sourceId,
      long version,
      String contactCode,
      String date,
      String[]... lines) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    BigDecimal total = BigDecimal.ZERO;
    int n = 0;
    for (String[] line : lines) {
      BigDecimal amount = new BigDecimal(line[0]).multiply(new BigDecimal(line[1]));
      amount = amount.setScale(2, java.math.RoundingMode.HALF_UP);
      BigDecimal tax =
          amount.multiply(new BigDecimal("0.15")).setScale(2, java.math.RoundingMode.HALF_UP);
      total = total.add(amount).add(tax);
      items.add(
          Json.createObjectBuilder()
              .add("sku", "SKU-" + (++n))
              .add("description", "Item " + n)
              .add("quantity", new BigDecimal(line[0]))
              .add("unitPrice", new BigDecimal(line[1]))
              .add("taxCode", "GST"));
    }
    JsonObjectBuilder item =
        Json.createObjectBuilder()
            .add("kind", kind)
            .add("sourceId", sourceId)
            .add("version", version)
            .add("number", "N-" + sourceId)
            .add("reference", "Ref " + sourceId)
            .add(
                "contact",
                Json.createObjectBuilder()
                    .add("code", contactCode)
                    .add("name", contactCode + " Ltd"))
            .add("date", date)
            .add("currency", "NZD")
            .add("pricesIncludeTax", false)
            .add("lines", items)
            .add("total", total);
    return item.build();
  }

  /** Sends transactions through the intake API; every one must be created or updated. */
  public void intake(JsonObject... items) {
    LedgerBridgeClient.Results results = client.intake(items);
    for (int i = 0; i < results.size(); i++) {
      String outcome = results.outcome(i);
      if (!outcome.equals("CREATED") && !outcome.equals("UPDATED")) {
        fail("Intake of item " + i + ": " + results.get(i));
      }
    }
  }

  // ---- runs -----------------------------------------------------------------------------------

  /** Starts an import of these source ids as {@code user}; returns the 202's run. */
  public JsonObject startImport(String user, String kind, List<String> sourceIds) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    sourceIds.forEach(ids::add);
    HttpResponse<String> started =
        client.as(
            user,
            "POST",
            "api/v1/import-runs",
            Json.createObjectBuilder().add("kind", kind).add("sourceIds", ids).build().toString());
    assertStatus(202, started);
    return json(started);
  }

  /** Imports and waits for the run to finish; returns the finished run with its documents. */
  public JsonObject importAndWait(String kind, String... sourceIds) {
    return await(startImport("accountant", kind, List.of(sourceIds)).getInt("id"));
  }

  /** Starts Refresh from Xero and waits for it. */
  public JsonObject refreshAndWait() {
    HttpResponse<String> started = client.as("accountant", "POST", "api/v1/xero/refresh", null);
    assertStatus(202, started);
    return await(json(started).getInt("id"));
  }

  /** Polls the run until DONE (at most two minutes). */
  public JsonObject await(long runId) {
    return await(runId, Duration.ofMinutes(2));
  }

  public JsonObject await(long runId, Duration max) {
    Instant until = Instant.now().plus(max);
    while (true) {
      HttpResponse<String> run =
          client.as("viewer", "GET", "api/v1/import-runs/" + runId + "?limit=10000", null);
      assertStatus(200, run);
      JsonObject json = json(run);
      if (json.getString("status").equals("DONE")) {
        return json;
      }
      if (Instant.now().isAfter(until)) {
        fail("Run " + runId + " not done after " + max + ": " + json);
      }
      sleep(200);
    }
  }

  /** The run's outcome for one source id. */
  public static JsonObject outcome(JsonObject run, String sourceId) {
    for (JsonObject d : run.getJsonArray("documents").getValuesAs(JsonObject.class)) {
      if (d.getString("sourceId").equals(sourceId)) {
        return d;
      }
    }
    fail("No outcome for " + sourceId + " in " + run);
    return null;
  }

  public static void assertOutcome(String expected, JsonObject run, String sourceId) {
    JsonObject outcome = outcome(run, sourceId);
    assertEquals(expected, outcome.getString("outcome"), () -> sourceId + ": " + outcome);
  }

  /** The transaction's import state as the intake API reports it. */
  public String state(String kind, String sourceId) {
    return client.storedOrFail(kind, sourceId).getString("state");
  }

  // ---- the sandbox, as "Xero" ---------------------------------------------------------------

  /**
   * Every document of the demo organisation in {@code collection} ("invoices" or "creditnotes")
   * whose number is {@code number} (deleted ones included): what actually reached "Xero".
   */
  public List<JsonObject> inXero(String collection, String number) {
    HttpResponse<String> all =
        client.asAdmin("GET", "api/v1/sandbox/organisations/" + ORG + "/" + collection, null);
    assertStatus(200, all);
    String field = collection.startsWith("credit") ? "CreditNoteNumber" : "InvoiceNumber";
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject item : json(all).getJsonArray("items").getValuesAs(JsonObject.class)) {
      JsonObject doc = item.getJsonObject("document");
      if (number.equalsIgnoreCase(doc.getString(field, ""))) {
        out.add(doc);
      }
    }
    return out;
  }

  /**
   * Every manual journal of the demo organisation whose Narration contains {@code text} (deleted
   * and voided ones included).
   */
  public List<JsonObject> journalsInXero(String text) {
    HttpResponse<String> all =
        client.asAdmin("GET", "api/v1/sandbox/organisations/" + ORG + "/manualjournals", null);
    assertStatus(200, all);
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject item : json(all).getJsonArray("items").getValuesAs(JsonObject.class)) {
      JsonObject doc = item.getJsonObject("document");
      if (doc.getString("Narration", "").contains(text)) {
        out.add(doc);
      }
    }
    return out;
  }

  /**
   * What LedgerBridge's closing-stock drafts dated before {@code month} move into {@code account}:
   * not in Xero's balance yet, so a later month's closing journal counts them as if posted.
   */
  public BigDecimal closingDraftsBefore(java.time.YearMonth month, String account) {
    BigDecimal sum = new BigDecimal("0.00");
    for (JsonObject journal : journalsInXero("[LedgerBridge Closing stock ")) {
      long millis =
          Long.parseLong(journal.getString("Date").replaceAll("^/Date\\((-?\\d+).*$", "$1"));
      java.time.LocalDate date =
          java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC).toLocalDate();
      if (!"DRAFT".equals(journal.getString("Status")) || !date.isBefore(month.atDay(1))) {
        continue;
      }
      for (JsonObject line : journal.getJsonArray("JournalLines").getValuesAs(JsonObject.class)) {
        if (account.equals(line.getString("AccountCode", ""))) {
          sum = sum.add(line.getJsonNumber("LineAmount").bigDecimalValue());
        }
      }
    }
    return sum;
  }

  /** A journal's lines as "account amount option" (the first tracking option), in Xero's order. */
  public static List<String> journalLines(JsonObject journal) {
    List<String> out = new ArrayList<>();
    for (JsonObject line : journal.getJsonArray("JournalLines").getValuesAs(JsonObject.class)) {
      String option =
          line.containsKey("Tracking") && !line.getJsonArray("Tracking").isEmpty()
              ? " " + line.getJsonArray("Tracking").getJsonObject(0).getString("Option")
              : "";
      out.add(
          line.getString("AccountCode", "?")
              + " "
              + line.getJsonNumber("LineAmount").bigDecimalValue().toPlainString()
              + option);
    }
    return out;
  }

  /** A console action on a sandbox document: submit, approve, pay, void, delete. */
  public void act(String collection, String xeroId, String action) {
    assertStatus(
        200,
        client.asAdmin(
            "POST",
            "api/v1/sandbox/organisations/" + ORG + "/" + collection + "/" + xeroId + "/" + action,
            ""));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
