package io.ledgerbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's manual journals, trial balance, balance sheet, fault injection and the admin
 * console's REST API, over HTTP.
 */
class SandboxConsoleIT extends LedgerBridgeDeployment {

  private static final String DEMO_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";
  private static final String API = "sandbox/api.xro/2.0/";
  private static final String CONSOLE = "api/v1/sandbox/";
  private static final String ORG = CONSOLE + "organisations/" + DEMO_ORG + "/";
  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

  // ---- manual journals ---------------------------------------------------------------------

  @Test
  void manualJournalsFollowXerosRules() {
    String token = clientCredentials();
    // A balanced journal is posted, NoTax by default.
    HttpResponse<String> ok =
        api("PUT", token, "ManualJournals", journal("POSTED", TODAY, "310", "100", "635", "-100"));
    assertEquals(200, ok.statusCode(), ok.body());
    JsonObject created =
        LedgerBridgeClient.json(ok).getJsonArray("ManualJournals").getJsonObject(0);
    assertEquals("OK", created.getString("StatusAttributeString"));
    assertEquals("NoTax", created.getString("LineAmountTypes"));
    assertEquals("POSTED", created.getString("Status"));
    String id = created.getString("ManualJournalID");

    // Unbalanced: 400 with Xero's message.
    HttpResponse<String> unbalanced =
        api("PUT", token, "ManualJournals", journal("POSTED", TODAY, "310", "100", "635", "-10"));
    assertEquals(400, unbalanced.statusCode(), unbalanced.body());
    JsonObject error = LedgerBridgeClient.json(unbalanced);
    assertEquals("ValidationException", error.getString("Type"));
    assertEquals(
        "The total debits (100.00) must equal total credits (-10.00)", firstError(error, 0));

    // An INVENTORY-type account and a bank account are refused.
    assertEquals(
        "You cannot save this transaction using an inventory account type",
        firstError(
            LedgerBridgeClient.json(
                api(
                    "PUT",
                    token,
                    "ManualJournals",
                    journal("POSTED", TODAY, "310", "5", "630", "-5"))),
            0));
    assertTrue(
        firstError(
                LedgerBridgeClient.json(
                    api(
                        "PUT",
                        token,
                        "ManualJournals",
                        journal("POSTED", TODAY, "310", "5", "090", "-5"))),
                0)
            .contains("bank account"));

    // summarizeErrors=false: 200 with every element; the valid one is created.
    String batch =
        "{\"ManualJournals\":["
            + element("DRAFT", TODAY, "310", "1", "635", "-1")
            + ","
            + element("DRAFT", TODAY, "310", "1", "610", "-1")
            + ","
            + element("DRAFT", TODAY, "310", "5", "476", "-5")
            + "]}";
    HttpResponse<String> mixed = api("PUT", token, "ManualJournals?summarizeErrors=false", batch);
    assertEquals(200, mixed.statusCode(), mixed.body());
    JsonArray results = LedgerBridgeClient.json(mixed).getJsonArray("ManualJournals");
    assertEquals("OK", results.getJsonObject(0).getString("StatusAttributeString"));
    assertEquals("ERROR", results.getJsonObject(1).getString("StatusAttributeString"));
    assertTrue(firstMessage(results.getJsonObject(1)).contains("system account"));
    // The unknown account is removed with Xero's warning ...
    JsonObject warned = results.getJsonObject(2);
    assertEquals("WARNING", warned.getString("StatusAttributeString"));
    assertEquals(
        "Account code '476' has been removed as it does not match a recognised account.",
        warned.getJsonArray("Warnings").getJsonObject(0).getString("Message"));
    // ... and posting it then fails.
    String warnedId = warned.getString("ManualJournalID");
    HttpResponse<String> post =
        api("POST", token, "ManualJournals/" + warnedId, statusChange("POSTED"));
    assertEquals(400, post.statusCode(), post.body());
    assertEquals(
        "Account code or ID must be specified", firstError(LedgerBridgeClient.json(post), 0));

    // Summarized (default) mode: 400 listing only the failure, the valid element created all the
    // same.
    String narration = "Created despite the 400 " + UUID.randomUUID();
    String summarized =
        "{\"ManualJournals\":["
            + element("DRAFT", TODAY, "310", "1", "635", "-1").replace("COGS", narration)
            + ","
            + element("DRAFT", TODAY, "310", "1", "635", "-2")
            + "]}";
    HttpResponse<String> partial = api("PUT", token, "ManualJournals", summarized);
    assertEquals(400, partial.statusCode());
    assertEquals(1, LedgerBridgeClient.json(partial).getJsonArray("Elements").size());
    JsonArray all =
        LedgerBridgeClient.json(api("GET", token, "ManualJournals?page=1", null))
            .getJsonArray("ManualJournals");
    assertTrue(
        all.stream()
            .map(JsonObject.class::cast)
            .anyMatch(j -> j.getString("Narration", "").startsWith(narration)));
    // Lines only with paging; where and If-Modified-Since filter.
    assertTrue(all.getJsonObject(0).containsKey("JournalLines"));
    JsonArray unpaged =
        LedgerBridgeClient.json(
                api("GET", token, "ManualJournals?where=" + enc("Status==\"POSTED\""), null))
            .getJsonArray("ManualJournals");
    assertFalse(unpaged.isEmpty());
    assertTrue(
        unpaged.stream()
            .map(JsonObject.class::cast)
            .allMatch(
                j -> j.getString("Status").equals("POSTED") && !j.containsKey("JournalLines")));
    HttpResponse<String> none =
        client.send(
            request(token, "ManualJournals")
                .header("If-Modified-Since", "2099-01-01T00:00:00")
                .GET());
    assertEquals(0, LedgerBridgeClient.json(none).getJsonArray("ManualJournals").size());

    // Narration required; at least two lines.
    HttpResponse<String> bare =
        api(
            "PUT",
            token,
            "ManualJournals",
            "{\"ManualJournals\":[{\"JournalLines\":[{\"LineAmount\":0,\"AccountCode\":\"310\"}]}]}");
    assertEquals(400, bare.statusCode());
    JsonArray bareErrors =
        LedgerBridgeClient.json(bare)
            .getJsonArray("Elements")
            .getJsonObject(0)
            .getJsonArray("ValidationErrors");
    assertEquals(2, bareErrors.size(), bareErrors.toString());

    // Transitions: POSTED → VOIDED; a voided journal cannot be posted again; DRAFT → DELETED.
    HttpResponse<String> voided =
        api("POST", token, "ManualJournals/" + id, statusChange("VOIDED"));
    assertEquals(200, voided.statusCode(), voided.body());
    assertEquals(
        "VOIDED",
        LedgerBridgeClient.json(api("GET", token, "ManualJournals/" + id, null))
            .getJsonArray("ManualJournals")
            .getJsonObject(0)
            .getString("Status"));
    assertEquals(
        400, api("POST", token, "ManualJournals/" + id, statusChange("POSTED")).statusCode());
    assertEquals(
        200,
        api("POST", token, "ManualJournals/" + warnedId, statusChange("DELETED")).statusCode());
    assertEquals(404, api("GET", token, "ManualJournals/" + UUID.randomUUID(), null).statusCode());

    // A date on or before the period lock date is refused.
    JsonObject org =
        LedgerBridgeClient.json(api("GET", token, "Organisation", null))
            .getJsonArray("Organisations")
            .getJsonObject(0);
    String lock = org.getString("PeriodLockDateString").substring(0, 10);
    HttpResponse<String> locked =
        api("PUT", token, "ManualJournals", journal("POSTED", lock, "310", "5", "635", "-5"));
    assertEquals(400, locked.statusCode());
    assertTrue(
        firstError(LedgerBridgeClient.json(locked), 0)
            .startsWith(
                "The document date cannot be before the period lock date, currently set at"));
  }

  @Test
  void theTrialBalanceFollowsPostedJournalsAndApprovedInvoices() {
    String token = clientCredentials();
    BigDecimal cogsBefore = balance(trialBalance(token), "Cost of Goods Sold (310)");
    BigDecimal salesBefore = balance(trialBalance(token), "Sales (200)");

    assertEquals(
        200,
        api(
                "PUT",
                token,
                "ManualJournals",
                journal("POSTED", TODAY, "310", "123.45", "635", "-123.45"))
            .statusCode());
    // A draft does not count.
    api("PUT", token, "ManualJournals", journal("DRAFT", TODAY, "310", "1000", "635", "-1000"));
    // An invoice put into the store and approved through the console counts.
    String invoiceId = UUID.randomUUID().toString();
    assertEquals(200, admin("PUT", ORG + "invoices/" + invoiceId, invoice("DRAFT")).statusCode());
    assertEquals(200, admin("POST", ORG + "invoices/" + invoiceId + "/approve", "").statusCode());

    JsonObject report = trialBalance(token);
    assertEquals("TrialBalance", report.getString("ReportType"));
    assertEquals("Header", report.getJsonArray("Rows").getJsonObject(0).getString("RowType"));
    assertEquals(
        0,
        cogsBefore
            .add(new BigDecimal("123.45"))
            .compareTo(balance(report, "Cost of Goods Sold (310)")));
    assertEquals(
        0, salesBefore.subtract(new BigDecimal("100")).compareTo(balance(report, "Sales (200)")));
    // Debits equal credits.
    JsonArray rows = report.getJsonArray("Rows");
    JsonArray total =
        rows.getJsonObject(rows.size() - 1)
            .getJsonArray("Rows")
            .getJsonObject(0)
            .getJsonArray("Cells");
    assertEquals(
        total.getJsonObject(1).getString("Value"), total.getJsonObject(2).getString("Value"));
  }

  @Test
  void theBalanceSheetIsAtTheEndOfTheMonthAndCountsPostedJournalsOnly() {
    String token =
        new SandboxCalls(client)
            .customConnectionToken(LedgerBridgeConfig.XeroApp.DEFAULT_CUSTOM_SCOPES);
    String stock = accountId(token, "635");
    String cogs = accountId(token, "310");
    LocalDate firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    String monthEnd = firstOfMonth.plusMonths(1).minusDays(1).toString();
    String nextMonth = firstOfMonth.plusMonths(1).toString();
    String auckland = trackingOptionId(token, "Region", "Auckland");
    JsonObject before = balanceSheet(token, firstOfMonth.toString());
    BigDecimal stockBefore = value(before, stock);
    BigDecimal earningsBefore = value(before, "00000000-0000-0000-0000-000000000000");
    BigDecimal aucklandBefore =
        value(balanceSheet(token, firstOfMonth + "&trackingOptionID1=" + auckland), stock);

    // Dated the last day of the month, asked for on the first: the month end counts.
    assertEquals(
        200,
        api(
                "PUT",
                token,
                "ManualJournals",
                journal("POSTED", monthEnd, "635", "77.70", "310", "-77.70"))
            .statusCode());
    String tracked =
        "{\"ManualJournals\":[{\"Narration\":\"Branch stock\",\"Date\":\""
            + monthEnd
            + "\",\"Status\":\"POSTED\",\"JournalLines\":["
            + "{\"AccountCode\":\"635\",\"LineAmount\":5.00,"
            + "\"Tracking\":[{\"Name\":\"Region\",\"Option\":\"Auckland\"}]},"
            + "{\"AccountCode\":\"310\",\"LineAmount\":-5.00,"
            + "\"Tracking\":[{\"Name\":\"Region\",\"Option\":\"Auckland\"}]}]}]}";
    assertEquals(200, api("PUT", token, "ManualJournals", tracked).statusCode());
    // A draft, and a journal of the next month, do not count.
    api("PUT", token, "ManualJournals", journal("DRAFT", monthEnd, "635", "1000", "310", "-1000"));
    assertEquals(
        200,
        api("PUT", token, "ManualJournals", journal("POSTED", nextMonth, "635", "9", "310", "-9"))
            .statusCode());

    JsonObject report = balanceSheet(token, firstOfMonth.toString());
    assertEquals("BalanceSheet", report.getString("ReportType"));
    assertEquals(
        "As at "
            + LocalDate.parse(monthEnd)
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)),
        report.getJsonArray("ReportTitles").getString(2));
    assertEquals(0, stockBefore.add(new BigDecimal("82.70")).compareTo(value(report, stock)));
    assertEquals(
        0,
        earningsBefore
            .add(new BigDecimal("82.70"))
            .compareTo(value(report, "00000000-0000-0000-0000-000000000000")));
    assertEquals(0, value(report, cogs).signum(), "an expense is not on the balance sheet");
    assertEquals(total(report, "Net Assets"), total(report, "Total Equity"));
    // Only the tracked journal under the Auckland filter.
    assertEquals(
        0,
        aucklandBefore
            .add(new BigDecimal("5.00"))
            .compareTo(
                value(
                    balanceSheet(token, firstOfMonth + "&trackingOptionID1=" + auckland), stock)));
    // A bad date is the trial balance's 400.
    HttpResponse<String> bad = api("GET", token, "Reports/BalanceSheet?date=31-03-2024", null);
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("ValidationException", LedgerBridgeClient.json(bad).getString("Type"));
  }

  // ---- faults ------------------------------------------------------------------------------

  @Test
  void faultInjectionAndCommitThenFail() throws Exception {
    String token = clientCredentials();
    try {
      setFaults("{\"error500Percent\":100}");
      HttpResponse<String> failed = api("GET", token, "Organisation", null);
      assertEquals(500, failed.statusCode());
      assertEquals("An unhandled error with the Xero API", failed.body());
      setFaults("{\"error500Percent\":0,\"error503Percent\":100}");
      assertEquals(503, api("GET", token, "Organisation", null).statusCode());
      setFaults("{\"error503Percent\":0}");
      assertEquals(200, api("GET", token, "Organisation", null).statusCode());

      // Commit then fail: the caller gets a 500, the contact exists all the same.
      setFaults("{\"commitThenFailPercent\":100,\"commitThenFailMode\":\"500\"}");
      String name = "Committed " + UUID.randomUUID();
      HttpResponse<String> lost =
          api("PUT", token, "Contacts", "{\"Contacts\":[{\"Name\":\"" + name + "\"}]}");
      assertEquals(500, lost.statusCode());
      assertEquals(1, contactsNamed(token, name).size());
      // Reads are not affected.
      assertEquals(200, api("GET", token, "Organisation", null).statusCode());

      // Dropped connection: headers, then an early end of the body; the write took effect.
      setFaults("{\"commitThenFailMode\":\"drop\"}");
      String dropped = "Dropped " + UUID.randomUUID();
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpRequest request =
          request(token, "Contacts")
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json")
              .PUT(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"Contacts\":[{\"Name\":\"" + dropped + "\"}]}"))
              .build();
      assertThrows(
          IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
      setFaults("{\"commitThenFailPercent\":0}");
      assertEquals(1, contactsNamed(token, dropped).size());

      // Per-organisation limits win over the configured ones.
      setFaults("{\"minuteLimit\":2}");
      int limited = 0;
      for (int i = 0; i < 4; i++) {
        if (api("GET", token, "Currencies", null).statusCode() == 429) {
          limited++;
        }
      }
      assertTrue(limited >= 1, "no 429 with a minute limit of 2");
    } finally {
      setFaults(
          "{\"error500Percent\":0,\"error503Percent\":0,\"commitThenFailPercent\":0,"
              + "\"latencyMs\":0,\"minuteLimit\":null,\"dayLimit\":null,\"concurrentLimit\":null}");
    }
  }

  // ---- console REST API --------------------------------------------------------------------

  @Test
  void theConsoleIsForAdminsOnly() {
    HttpResponse<String> anonymous = client.send(client.request(CONSOLE + "organisations").GET());
    assertEquals(401, anonymous.statusCode());
    HttpResponse<String> viewer = client.getAsViewer(CONSOLE + "organisations");
    assertEquals(403, viewer.statusCode());
    HttpResponse<String> accountant =
        client.send(
            client
                .request(CONSOLE + "reset")
                .header("Authorization", LedgerBridgeClient.basic("accountant", "accountant"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(403, accountant.statusCode());
    HttpResponse<String> admin = admin("GET", CONSOLE + "organisations", null);
    assertEquals(200, admin.statusCode(), admin.body());
    assertTrue(admin.body().contains("Demo Company (NZ)"));
    assertEquals(404, admin("GET", CONSOLE + "organisations/nope", null).statusCode());
  }

  @Test
  void consoleActionsOnDocumentsContactsLockDatesAndReset() {
    String token = clientCredentials();
    // Approve, pay, then void is refused; void an approved one.
    String paidId = UUID.randomUUID().toString();
    admin("PUT", ORG + "invoices/" + paidId, invoice("DRAFT"));
    assertEquals(
        "SUBMITTED",
        LedgerBridgeClient.json(admin("POST", ORG + "invoices/" + paidId + "/submit", ""))
            .getString("Status"));
    assertEquals(
        "AUTHORISED",
        LedgerBridgeClient.json(admin("POST", ORG + "invoices/" + paidId + "/approve", ""))
            .getString("Status"));
    JsonObject paid =
        LedgerBridgeClient.json(admin("POST", ORG + "invoices/" + paidId + "/pay", ""));
    assertEquals("PAID", paid.getString("Status"));
    assertEquals(0, paid.getJsonNumber("AmountDue").bigDecimalValue().signum());
    HttpResponse<String> voidPaid = admin("POST", ORG + "invoices/" + paidId + "/void", "");
    assertEquals(409, voidPaid.statusCode());
    assertTrue(voidPaid.body().contains("payment or credit note allocated"));
    assertTrue(admin("GET", ORG + "payments", null).body().contains(paidId));

    String voidId = UUID.randomUUID().toString();
    admin("PUT", ORG + "invoices/" + voidId, invoice("AUTHORISED"));
    assertEquals(
        "VOIDED",
        LedgerBridgeClient.json(admin("POST", ORG + "invoices/" + voidId + "/void", ""))
            .getString("Status"));
    assertEquals(409, admin("POST", ORG + "invoices/" + voidId + "/approve", "").statusCode());
    assertTrue(admin("GET", ORG + "invoices", null).body().contains("\"status\":\"VOIDED\""));

    // Journals: post and void through the console.
    String journalId =
        LedgerBridgeClient.json(
                api(
                    "PUT",
                    token,
                    "ManualJournals",
                    journal("DRAFT", TODAY, "310", "3", "635", "-3")))
            .getJsonArray("ManualJournals")
            .getJsonObject(0)
            .getString("ManualJournalID");
    assertEquals(
        "POSTED",
        LedgerBridgeClient.json(admin("POST", ORG + "manualjournals/" + journalId + "/approve", ""))
            .getString("Status"));
    assertEquals(
        "VOIDED",
        LedgerBridgeClient.json(admin("POST", ORG + "manualjournals/" + journalId + "/void", ""))
            .getString("Status"));

    // Archive a contact; merge one into another: the merged one is archived, its invoice moves.
    String a = createContact(token, "Merge From " + UUID.randomUUID());
    String b = createContact(token, "Merge Into " + UUID.randomUUID());
    String c = createContact(token, "Archive Me " + UUID.randomUUID());
    assertEquals(
        "ARCHIVED",
        LedgerBridgeClient.json(admin("POST", ORG + "contacts/" + c + "/archive", ""))
            .getString("ContactStatus"));
    String movedInvoice = UUID.randomUUID().toString();
    admin(
        "PUT",
        ORG + "invoices/" + movedInvoice,
        invoice("AUTHORISED")
            .replace("\"Contact\":{", "\"Contact\":{\"ContactID\":\"" + a + "\","));
    JsonObject merged =
        LedgerBridgeClient.json(admin("POST", ORG + "contacts/" + a + "/merge?into=" + b, ""));
    assertEquals(1, merged.getInt("documentsMoved"), merged.toString());
    JsonObject from =
        LedgerBridgeClient.json(api("GET", token, "Contacts/" + a, null))
            .getJsonArray("Contacts")
            .getJsonObject(0);
    assertEquals("ARCHIVED", from.getString("ContactStatus"));
    assertEquals(b, from.getString("MergedToContactID"));
    assertTrue(admin("GET", ORG + "invoices", null).body().contains("\"ContactID\":\"" + b + "\""));

    // Lock dates: lock today, and a journal dated today is refused.
    HttpResponse<String> locks =
        admin(
            "PUT",
            ORG + "lock-dates",
            "{\"periodLockDate\":\"" + TODAY + "\",\"endOfYearLockDate\":null}");
    assertEquals(200, locks.statusCode(), locks.body());
    assertEquals(TODAY, LedgerBridgeClient.json(locks).getString("periodLockDate"));
    HttpResponse<String> refused =
        api("PUT", token, "ManualJournals", journal("POSTED", TODAY, "310", "5", "635", "-5"));
    assertEquals(400, refused.statusCode());
    assertTrue(firstError(LedgerBridgeClient.json(refused), 0).contains("period lock date"));

    // Reset: back to the seed — the lock date in the past again, journals and invoices gone.
    assertEquals(200, admin("POST", CONSOLE + "reset", "").statusCode());
    JsonObject org =
        LedgerBridgeClient.json(admin("GET", CONSOLE + "organisations/" + DEMO_ORG, null));
    assertTrue(LocalDate.parse(org.getString("periodLockDate")).isBefore(LocalDate.now()));
    assertEquals(
        0,
        LedgerBridgeClient.json(admin("GET", ORG + "invoices", null)).getJsonArray("items").size());
    assertEquals(
        0,
        LedgerBridgeClient.json(api("GET", token, "ManualJournals", null))
            .getJsonArray("ManualJournals")
            .size());
    assertEquals(404, api("GET", token, "Contacts/" + a, null).statusCode());
  }

  @Test
  void theConsolePageIsForAdmins() {
    HttpResponse<String> anonymous = client.get("admin/sandbox.xhtml");
    assertTrue(anonymous.statusCode() != 200, "" + anonymous.statusCode());
    client.signIn("admin", "admin");
    HttpResponse<String> page = client.get("admin/sandbox.xhtml");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Xero sandbox console"));
    assertTrue(page.body().contains("Demo Company (NZ)"));

    // The lock-date form works by hand, through the same console as the REST API.
    JsonObject before =
        LedgerBridgeClient.json(admin("GET", CONSOLE + "organisations/" + DEMO_ORG, null));
    java.util.Map<String, String> fields =
        new java.util.LinkedHashMap<>(LedgerBridgeClient.formFields(page.body(), "locks"));
    fields.put("locks:period", "2020-01-31");
    fields.put("locks:endOfYear", "");
    HttpResponse<String> saved = client.postForm("admin/sandbox.xhtml", fields);
    assertEquals(200, saved.statusCode(), saved.body());
    assertTrue(saved.body().contains("Lock dates saved."), saved.body());
    JsonObject org =
        LedgerBridgeClient.json(admin("GET", CONSOLE + "organisations/" + DEMO_ORG, null));
    assertEquals("2020-01-31", org.getString("periodLockDate"));
    assertTrue(org.isNull("endOfYearLockDate"));
    admin(
        "PUT",
        ORG + "lock-dates",
        "{\"periodLockDate\":"
            + before.get("periodLockDate")
            + ",\"endOfYearLockDate\":"
            + before.get("endOfYearLockDate")
            + "}");
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String journal(String status, String date, String... codeAmounts) {
    return "{\"ManualJournals\":[" + element(status, date, codeAmounts) + "]}";
  }

  private static String element(String status, String date, String... codeAmounts) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i + 1 < codeAmounts.length; i += 2) {
      if (lines.length() > 0) {
        lines.append(',');
      }
      lines
          .append("{\"AccountCode\":\"")
          .append(codeAmounts[i])
          .append("\",\"LineAmount\":")
          .append(codeAmounts[i + 1])
          .append(",\"Description\":\"line\"}");
    }
    return "{\"Narration\":\"COGS for shipment\",\"Date\":\""
        + date
        + "\",\"Status\":\""
        + status
        + "\",\"JournalLines\":["
        + lines
        + "]}";
  }

  private static String invoice(String status) {
    return "{\"Type\":\"ACCREC\",\"InvoiceNumber\":\"INV-IT-"
        + UUID.randomUUID().toString().substring(0, 6)
        + "\",\"Status\":\""
        + status
        + "\",\"Contact\":{\"Name\":\"Console IT\"},\"Date\":\""
        + TODAY
        + "\",\"LineAmountTypes\":\"Exclusive\",\"LineItems\":[{\"Description\":\"Widgets\","
        + "\"AccountCode\":\"200\",\"TaxType\":\"OUTPUT2\",\"LineAmount\":100.00,\"TaxAmount\":15.00}],"
        + "\"SubTotal\":100.00,\"TotalTax\":15.00,\"Total\":115.00,\"AmountDue\":115.00,"
        + "\"AmountPaid\":0.00,\"CurrencyCode\":\"NZD\"}";
  }

  private JsonObject trialBalance(String token) {
    HttpResponse<String> response = api("GET", token, "Reports/TrialBalance?date=" + TODAY, null);
    assertEquals(200, response.statusCode(), response.body());
    return LedgerBridgeClient.json(response).getJsonArray("Reports").getJsonObject(0);
  }

  /** The query after {@code date=} may carry more parameters. */
  private JsonObject balanceSheet(String token, String dateAndParams) {
    HttpResponse<String> response =
        api("GET", token, "Reports/BalanceSheet?date=" + dateAndParams, null);
    assertEquals(200, response.statusCode(), response.body());
    return LedgerBridgeClient.json(response).getJsonArray("Reports").getJsonObject(0);
  }

  /** A balance-sheet row's value, found by its account attribute; zero when not listed. */
  private static BigDecimal value(JsonObject report, String accountId) {
    for (JsonValue section : report.getJsonArray("Rows")) {
      JsonObject s = (JsonObject) section;
      for (JsonValue row : listed(s, "Rows")) {
        JsonArray cells = ((JsonObject) row).getJsonArray("Cells");
        JsonArray attributes = listed(cells.getJsonObject(0), "Attributes");
        if (!attributes.isEmpty()
            && attributes.getJsonObject(0).getString("Value").equals(accountId)) {
          return new BigDecimal(cells.getJsonObject(1).getString("Value"));
        }
      }
    }
    return BigDecimal.ZERO;
  }

  private static String total(JsonObject report, String label) {
    for (JsonValue section : report.getJsonArray("Rows")) {
      for (JsonValue row : listed((JsonObject) section, "Rows")) {
        JsonArray cells = ((JsonObject) row).getJsonArray("Cells");
        if (cells.getJsonObject(0).getString("Value").equals(label)) {
          return cells.getJsonObject(1).getString("Value");
        }
      }
    }
    throw new AssertionError("no row " + label);
  }

  private static JsonArray listed(JsonObject object, String name) {
    return object.containsKey(name) ? object.getJsonArray(name) : JsonValue.EMPTY_JSON_ARRAY;
  }

  private String accountId(String token, String code) {
    return LedgerBridgeClient.json(
            api("GET", token, "Accounts?where=" + enc("Code==\"" + code + "\""), null))
        .getJsonArray("Accounts")
        .getJsonObject(0)
        .getString("AccountID");
  }

  private String trackingOptionId(String token, String category, String option) {
    for (JsonValue c :
        LedgerBridgeClient.json(api("GET", token, "TrackingCategories", null))
            .getJsonArray("TrackingCategories")) {
      if (((JsonObject) c).getString("Name").equals(category)) {
        for (JsonValue o : ((JsonObject) c).getJsonArray("Options")) {
          if (((JsonObject) o).getString("Name").equals(option)) {
            return ((JsonObject) o).getString("TrackingOptionID");
          }
        }
      }
    }
    throw new AssertionError("no tracking option " + category + "/" + option);
  }

  /** An account's balance in a trial balance, debit positive; zero when not listed. */
  private static BigDecimal balance(JsonObject report, String account) {
    for (JsonValue section : report.getJsonArray("Rows")) {
      JsonObject s = (JsonObject) section;
      if (!s.containsKey("Rows")) {
        continue;
      }
      for (JsonValue row : s.getJsonArray("Rows")) {
        JsonArray cells = ((JsonObject) row).getJsonArray("Cells");
        if (cells.getJsonObject(0).getString("Value").equals(account)) {
          String debit = cells.getJsonObject(1).getString("Value");
          String credit = cells.getJsonObject(2).getString("Value");
          return debit.isEmpty() ? new BigDecimal(credit).negate() : new BigDecimal(debit);
        }
      }
    }
    return BigDecimal.ZERO;
  }

  private String createContact(String token, String name) {
    HttpResponse<String> response =
        api("PUT", token, "Contacts", "{\"Contacts\":[{\"Name\":\"" + name + "\"}]}");
    assertEquals(200, response.statusCode(), response.body());
    return LedgerBridgeClient.json(response)
        .getJsonArray("Contacts")
        .getJsonObject(0)
        .getString("ContactID");
  }

  private JsonArray contactsNamed(String token, String name) {
    return LedgerBridgeClient.json(
            api("GET", token, "Contacts?where=" + enc("Name==\"" + name + "\""), null))
        .getJsonArray("Contacts");
  }

  private void setFaults(String json) {
    HttpResponse<String> response = admin("PUT", ORG + "faults", json);
    assertEquals(200, response.statusCode(), response.body());
  }

  private static String firstError(JsonObject validationException, int element) {
    return firstMessage(validationException.getJsonArray("Elements").getJsonObject(element));
  }

  private static String firstMessage(JsonObject element) {
    return element.getJsonArray("ValidationErrors").getJsonObject(0).getString("Message");
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return client.asAdmin(method, path, body);
  }

  /** A status change as Xero's description requires it: Narration is a required field. */
  private static String statusChange(String status) {
    return "{\"Narration\":\"Status change to " + status + "\",\"Status\":\"" + status + "\"}";
  }

  private String clientCredentials() {
    return new SandboxCalls(client).customConnectionToken();
  }

  private HttpRequest.Builder request(String token, String path) {
    return new SandboxCalls(client).request(token, path);
  }

  private HttpResponse<String> api(String method, String token, String path, String body) {
    return new SandboxCalls(client).call(method, token, path, body);
  }

  private static String enc(String text) {
    return SandboxCalls.enc(text);
  }
}
