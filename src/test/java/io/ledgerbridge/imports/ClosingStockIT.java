package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.ORG;
import static io.ledgerbridge.testing.ImportFixture.journalLines;
import static io.ledgerbridge.testing.LedgerBridgeClient.DEMO_TOKEN;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic method's closing-stock journal (issue 12 §3; inventory-accounting.md §6 check 13,
 * here with 636 as the inventory account and 340 as stock movement), through the REST API and
 * asserting what reached the sandbox: the change in stock value against Xero's balance (read from
 * its BalanceSheet), a draft updated in place for a newer valuation, nothing sent once Xero's
 * balance holds the valuation.
 */
class ClosingStockIT extends LedgerBridgeDeployment {

  private static final int FIRST_YEAR = 2040 + ThreadLocalRandom.current().nextInt(100);
  private static final java.util.concurrent.atomic.AtomicInteger YEARS =
      new java.util.concurrent.atomic.AtomicInteger();

  private ImportFixture fx;
  private String methodBefore;
  private YearMonth march;
  private YearMonth april;

  @BeforeEach
  void periodic() {
    fx = new ImportFixture(client).ready();
    methodBefore = fx.settings().getString("accountingMethod");
    fx.patchSettings(
        "{\"accountingMethod\":\"PERIODIC\","
            + "\"accounts\":{\"inventory\":\"636\",\"closingStock\":\"340\"}}");
    // Years of their own per test (balances are cumulative: an earlier test's posted journal is in
    // every later month end's balance, which the checks read rather than assume).
    march = YearMonth.of(FIRST_YEAR + 3 * YEARS.getAndIncrement(), 3);
    april = march.plusMonths(1);
  }

  @AfterEach
  void putTheSettingsBack() {
    fx.patchSettings(
        "{\"accountingMethod\":\""
            + methodBefore
            + "\",\"accounts\":{\"inventory\":\"635\",\"closingStock\":null}}");
  }

  @Test
  void theChangeInStockValueIsJournalledAgainstXerosBalanceAndUpdatedWhileDraft() {
    // Xero's balance, plus what other tests' closing drafts of earlier months will add.
    BigDecimal before = balance(march).add(fx.closingDraftsBefore(march, "636"));
    valuation("VAL-" + march, 1, march, "286.0000");

    JsonObject view = month(march);
    assertEquals("NOT_IMPORTED", view.getString("state"), view::toString);
    assertDecimal("286.00", view, "valuation");
    assertDecimal(balance(march).toPlainString(), view, "xeroBalance");

    JsonObject run = run(march);
    assertEquals("CLOSING_STOCK", run.getString("kind"), run::toString);
    List<JsonObject> inXero = journals(march);
    assertEquals(1, inXero.size(), inXero::toString);
    JsonObject first = inXero.get(0);
    assertEquals("DRAFT", first.getString("Status"));
    BigDecimal moved = new BigDecimal("286.00").subtract(before);
    assertEquals(List.of("636 " + moved, "340 " + moved.negate()), journalLines(first));

    // The accountant posts it: Xero's balance now holds the valuation, and a re-run sends nothing.
    fx.act("manualjournals", first.getString("ManualJournalID"), "approve");
    assertEquals(
        0,
        new BigDecimal("286.00")
            .compareTo(balance(march).add(fx.closingDraftsBefore(march, "636"))));
    HttpResponse<String> again = start(march);
    assertStatus(400, again);
    assertTrue(again.body().contains("Nothing to import"), again::body);
    assertEquals("POSTED", month(march).getString("state"));
    assertEquals(1, journals(march).size());

    // April: a lower valuation credits stock by the difference from Xero's balance.
    BigDecimal aprilBalance = balance(april).add(fx.closingDraftsBefore(march, "636"));
    valuation("VAL-" + april, 1, april, "250.00");
    run(april);
    List<JsonObject> aprilJournals = journals(april);
    assertEquals(1, aprilJournals.size(), aprilJournals::toString);
    BigDecimal down = aprilBalance.subtract(new BigDecimal("250.00"));
    assertEquals(
        List.of("340 " + down, "636 " + down.negate()), journalLines(aprilJournals.get(0)));

    // A newer April valuation while that draft is unposted: the same journal, updated.
    valuation("VAL-" + april, 2, april, "240.00");
    run(april);
    List<JsonObject> updated = journals(april);
    assertEquals(1, updated.size(), updated::toString);
    assertEquals(
        aprilJournals.get(0).getString("ManualJournalID"),
        updated.get(0).getString("ManualJournalID"));
    BigDecimal further = aprilBalance.subtract(new BigDecimal("240.00"));
    assertEquals(
        List.of("340 " + further, "636 " + further.negate()), journalLines(updated.get(0)));
  }

  @Test
  void twoMonthsInOneRunDoNotMoveTheSameStockTwice() {
    BigDecimal marchBalance = balance(march).add(fx.closingDraftsBefore(march, "636"));
    BigDecimal aprilBalance = balance(april).add(fx.closingDraftsBefore(march, "636"));
    valuation("VAL-" + march, 1, march, "286.00");
    valuation("VAL-" + april, 1, april, "250.00");

    HttpResponse<String> started =
        client.as(
            "accountant",
            "POST",
            "api/v1/inventory/closing-stock/import",
            "{\"from\":\"" + march + "\",\"to\":\"" + april + "\"}");
    assertStatus(202, started);
    assertEquals("DONE", fx.await(json(started).getInt("id")).getString("status"));

    // March's draft is not in Xero's balance at April's end: April counts it as if posted.
    BigDecimal up = new BigDecimal("286.00").subtract(marchBalance);
    BigDecimal aprilMove = new BigDecimal("250.00").subtract(aprilBalance.add(up));
    assertEquals(List.of("636 " + up, "340 " + up.negate()), journalLines(journals(march).get(0)));
    assertEquals(
        List.of("340 " + aprilMove.negate(), "636 " + aprilMove),
        journalLines(journals(april).get(0)));

    // Posting both leaves Xero's stock at April's valuation, and nothing more is proposed.
    fx.act("manualjournals", journals(march).get(0).getString("ManualJournalID"), "approve");
    fx.act("manualjournals", journals(april).get(0).getString("ManualJournalID"), "approve");
    assertEquals(
        0,
        new BigDecimal("250.00")
            .compareTo(balance(april).add(fx.closingDraftsBefore(march, "636"))),
        "stock at 250.00, with earlier drafts");
    HttpResponse<String> again =
        client.as(
            "accountant",
            "POST",
            "api/v1/inventory/closing-stock/import",
            "{\"from\":\"" + march + "\",\"to\":\"" + april + "\"}");
    assertStatus(400, again);
    assertTrue(again.body().contains("no change in stock value to post"), again::body);
  }

  @Test
  void aMonthWithoutAValuationIsBlockedWithTheReasonAndNothingIsSent() {
    YearMonth empty = march.plusMonths(6);
    JsonObject view = month(empty);
    assertEquals("BLOCKED", view.getString("state"), view::toString);
    assertEquals(
        "NO_VALUATION",
        view.getJsonArray("blocking").getJsonObject(0).getString("code"),
        view::toString);
    HttpResponse<String> refused = start(empty);
    assertStatus(400, refused);
    assertTrue(refused.body().contains("No stock valuation"), refused::body);
    assertTrue(journals(empty).isEmpty());
  }

  @Test
  void underThePerpetualMethodClosingStockIsNotUsed() {
    fx.patchSettings("{\"accountingMethod\":\"PERPETUAL\",\"accounts\":{\"inventory\":\"635\"}}");
    valuation("VAL-P-" + march, 1, march, "10.00");
    assertEquals("NOT_USED", month(march).getString("state"));
    HttpResponse<String> refused = start(march);
    assertStatus(400, refused);
    assertTrue(refused.body().contains("periodic"), refused::body);
    assertTrue(journals(march).isEmpty());
  }

  // ---- LedgerBridge and the sandbox ---------------------------------------------------------

  private void valuation(String sourceId, int version, YearMonth month, String total) {
    String body =
        "{\"valuations\":[{\"sourceId\":\""
            + sourceId
            + "\",\"version\":"
            + version
            + ",\"asAt\":\""
            + month.atEndOfMonth()
            + "\",\"currency\":\"NZD\",\"method\":\"FIFO\",\"total\":\""
            + total
            + "\"}]}";
    HttpResponse<String> response =
        client.send(
            client
                .request("api/v1/stock-valuations")
                .header("Authorization", bearer(DEMO_TOKEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertStatus(200, response);
    String outcome = json(response).getJsonArray("results").getJsonObject(0).getString("outcome");
    assertTrue(outcome.equals("CREATED") || outcome.equals("UPDATED"), response::body);
  }

  private JsonObject month(YearMonth month) {
    HttpResponse<String> months =
        client.as(
            "viewer", "GET", "api/v1/inventory/closing-stock?from=" + month + "&to=" + month, null);
    assertStatus(200, months);
    return json(months).getJsonArray("months").getJsonObject(0);
  }

  private HttpResponse<String> start(YearMonth month) {
    return client.as(
        "accountant",
        "POST",
        "api/v1/inventory/closing-stock/import",
        "{\"from\":\"" + month + "\",\"to\":\"" + month + "\"}");
  }

  private JsonObject run(YearMonth month) {
    HttpResponse<String> started = start(month);
    assertStatus(202, started);
    JsonObject run = fx.await(json(started).getInt("id"));
    assertEquals("DONE", run.getString("status"), run::toString);
    return run;
  }

  private List<JsonObject> journals(YearMonth month) {
    return fx.journalsInXero("[LedgerBridge Closing stock " + month + " ");
  }

  /** Account 636's balance in the sandbox at the month end, debit positive. */
  private BigDecimal balance(YearMonth month) {
    HttpResponse<String> response =
        client.asAdmin(
            "GET",
            "api/v1/sandbox/organisations/"
                + ORG
                + "/reports/trial-balance?date="
                + month.atEndOfMonth(),
            null);
    assertStatus(200, response);
    for (JsonValue section : json(response).getJsonArray("Rows")) {
      JsonObject s = (JsonObject) section;
      if (!s.containsKey("Rows")) {
        continue;
      }
      for (JsonValue row : s.getJsonArray("Rows")) {
        JsonArray cells = ((JsonObject) row).getJsonArray("Cells");
        if (cells.getJsonObject(0).getString("Value").endsWith("(636)")) {
          String debit = cells.getJsonObject(1).getString("Value");
          String credit = cells.getJsonObject(2).getString("Value");
          return debit.isEmpty() ? new BigDecimal(credit).negate() : new BigDecimal(debit);
        }
      }
    }
    return new BigDecimal("0.00");
  }

  private static void assertDecimal(String expected, JsonObject json, String field) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(json.getJsonNumber(field).bigDecimalValue()),
        () -> field + " in " + json);
  }
}
