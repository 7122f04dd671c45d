package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.FAULTS;
import static io.ledgerbridge.testing.ImportFixture.NO_FAULTS;
import static io.ledgerbridge.testing.ImportFixture.journalLines;
import static io.ledgerbridge.testing.ImportFixture.outcome;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monthly COGS journals (issue 12 §2, inventory-accounting.md §6 checks 1, 3–6, 9, 15) through the
 * REST API, asserting what reached the sandbox: one draft journal per month rounded once, nothing
 * sent when nothing changed, the same ManualJournalID updated while it is a draft, a delta journal
 * (never an edit) once it is posted, the delta's sign flipping and its draft deleted when Xero
 * holds the target again, tracking per location and an unmapped location blocking the month, two
 * runs at once and a lost answer each leaving exactly one journal.
 *
 * <p>Every test works in a month of its own far in the future, so that the sales of other tests (on
 * the shared database) are not in its COGS.
 */
class CogsImportIT extends LedgerBridgeDeployment {

  private static final AtomicInteger MONTHS = new AtomicInteger();

  private ImportFixture fx;
  private String methodBefore;
  private YearMonth month;

  @BeforeEach
  void perpetualWithBranchesTracked() {
    fx = new ImportFixture(client).ready();
    methodBefore = fx.settings().getString("accountingMethod");
    fx.patchSettings(
        "{\"accountingMethod\":\"PERPETUAL\","
            + "\"accounts\":{\"inventory\":\"635\",\"cogs\":\"310\"},"
            + "\"tracking\":{\"Region\":{\"sourceField\":\"branch\","
            + "\"options\":{\"AKL\":\"Auckland\",\"WLG\":\"Wellington\"}}}}");
    month =
        YearMonth.of(2040 + ThreadLocalRandom.current().nextInt(150), 1)
            .plusMonths(MONTHS.getAndIncrement());
  }

  @AfterEach
  void putTheSettingsBack() {
    assertStatus(200, client.asAdmin("PUT", FAULTS, NO_FAULTS));
    fx.patchSettings(
        "{\"accountingMethod\":\""
            + methodBefore
            + "\",\"tracking\":{\"Region\":null},"
            + "\"accountOverrides\":{\"products\":{\"COGS-GIFT\":null}}}");
  }

  // ---- the source -------------------------------------------------------------------------------

  /** A sale on {@code day} of the month, one line per cost ("10.005" or "2@4.25" = unit cost). */
  private JsonObject sale(int day, String branch, String... costs) {
    return document("SALE", uniqueId("COGS-S"), day, branch, true, costs);
  }

  private JsonObject restockedReturn(int day, String... costs) {
    return document("CUSTOMER_CREDIT", uniqueId("COGS-C"), day, null, true, costs);
  }

  private JsonObject document(
      String kind, String sourceId, int day, String branch, boolean restock, String... costs) {
    return productDocument(kind, sourceId, day, branch, restock, "WIDGET", costs);
  }

  private JsonObject productDocument(
      String kind,
      String sourceId,
      int day,
      String branch,
      boolean restock,
      String sku,
      String... costs) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (String cost : costs) {
      JsonObjectBuilder line =
          Json.createObjectBuilder()
              .add("sku", sku)
              .add("description", "Widget")
              .add("unitPrice", new BigDecimal("50.00"));
      if (cost.contains("@")) {
        String[] parts = cost.split("@");
        line.add("quantity", new BigDecimal(parts[0])).add("unitCost", new BigDecimal(parts[1]));
      } else {
        line.add("quantity", BigDecimal.ONE).add("costAmount", new BigDecimal(cost));
      }
      if (kind.equals("CUSTOMER_CREDIT")) {
        line.add("restock", restock);
      }
      lines.add(line);
    }
    JsonObjectBuilder item =
        Json.createObjectBuilder()
            .add("kind", kind)
            .add("sourceId", sourceId)
            .add("version", 1)
            .add("number", sourceId)
            .add("contact", Json.createObjectBuilder().add("code", "C-1").add("name", "Acme Ltd"))
            .add("date", month.atDay(day).toString())
            .add("currency", "NZD")
            .add("lines", lines)
            .add("total", new BigDecimal("57.50").multiply(BigDecimal.valueOf(costs.length)));
    if (branch != null) {
      item.add("branch", branch);
    }
    return item.build();
  }

  // ---- LedgerBridge and the sandbox ---------------------------------------------------------

  private JsonObject monthView() {
    HttpResponse<String> months =
        client.as("viewer", "GET", "api/v1/inventory/cogs?from=" + month + "&to=" + month, null);
    assertStatus(200, months);
    return json(months).getJsonArray("months").getJsonObject(0);
  }

  private HttpResponse<String> startCogs() {
    return client.as(
        "accountant",
        "POST",
        "api/v1/inventory/cogs/import",
        "{\"from\":\"" + month + "\",\"to\":\"" + month + "\"}");
  }

  private JsonObject runCogs() {
    HttpResponse<String> started = startCogs();
    assertStatus(202, started);
    JsonObject run = fx.await(json(started).getInt("id"));
    assertEquals("COGS", run.getString("kind"), run::toString);
    return run;
  }

  private String firstId() {
    return "cogs-" + month;
  }

  /** Every journal of the month in the sandbox, oldest first (deleted and voided ones too). */
  private List<JsonObject> journals() {
    return fx.journalsInXero("[LedgerBridge COGS " + month + " ");
  }

  private static JsonObject byId(List<JsonObject> journals, String manualJournalId) {
    return journals.stream()
        .filter(j -> j.getString("ManualJournalID").equals(manualJournalId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(manualJournalId + " not in " + journals));
  }

  /** The journal's Date, which the sandbox gives as Xero does: {@code /Date(millis+0000)/}. */
  private static java.time.LocalDate date(JsonObject journal) {
    String text = journal.getString("Date");
    long millis = Long.parseLong(text.replaceAll("^/Date\\((-?\\d+).*$", "$1"));
    return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  // ---- the checks ---------------------------------------------------------------------------

  @Test
  void oneDraftPerMonthRoundedOnceUpdatedInPlaceThenDeltasOncePosted() {
    // Check 1: three sale lines of 10.005 → one journal of 30.02 (not 30.03, not 30.00).
    fx.intake(sale(12, null, "10.005"), sale(15, null, "10.005"), sale(18, null, "10.005"));
    JsonObject before = monthView();
    assertEquals("NOT_IMPORTED", before.getString("state"), before::toString);
    assertEquals(new BigDecimal("30.02"), before.getJsonNumber("cost").bigDecimalValue());
    assertEquals("CREATE", before.getJsonObject("next").getString("action"), before::toString);

    JsonObject first = runCogs();
    assertEquals("IMPORTED", outcome(first, firstId()).getString("outcome"), first::toString);
    List<JsonObject> inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    JsonObject journal = inXero.get(0);
    String journalId = journal.getString("ManualJournalID");
    assertEquals("DRAFT", journal.getString("Status"));
    assertEquals("NoTax", journal.getString("LineAmountTypes"));
    assertEquals(month.atEndOfMonth(), date(journal), journal::toString);
    assertTrue(journal.getString("Narration").contains("COGS " + month), journal::toString);
    assertEquals(List.of("310 30.02", "635 -30.02"), journalLines(journal));
    assertEquals("IMPORTED", monthView().getString("state"));

    // Check 3: nothing changed → nothing sent.
    JsonObject again = runCogs();
    assertEquals("SKIPPED", outcome(again, firstId()).getString("outcome"), again::toString);
    assertEquals(0, again.getInt("apiCalls"), again::toString);
    assertEquals(1, journals().size());

    // Check 4: a restocked return while the journal is a draft → the same journal, full new lines.
    fx.intake(restockedReturn(20, "10.005"));
    assertEquals("CHANGED", monthView().getString("state"));
    JsonObject update = runCogs();
    assertEquals("UPDATED", outcome(update, firstId()).getString("outcome"), update::toString);
    inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(journalId, inXero.get(0).getString("ManualJournalID"));
    assertEquals(List.of("310 20.01", "635 -20.01"), journalLines(inXero.get(0)));

    // Check 5: posted in Xero, then a new sale → a delta draft; the posted journal is untouched.
    fx.act("manualjournals", journalId, "approve");
    fx.intake(sale(15, null, "5.00"));
    JsonObject delta = runCogs();
    assertEquals(
        "IMPORTED", outcome(delta, firstId() + "-d1").getString("outcome"), delta::toString);
    inXero = journals();
    assertEquals(2, inXero.size(), inXero::toString);
    JsonObject posted = byId(inXero, journalId);
    assertEquals("POSTED", posted.getString("Status"));
    assertEquals(List.of("310 20.01", "635 -20.01"), journalLines(posted));
    JsonObject draft =
        inXero.stream()
            .filter(j -> !j.getString("ManualJournalID").equals(journalId))
            .findFirst()
            .orElseThrow();
    String draftId = draft.getString("ManualJournalID");
    assertEquals("DRAFT", draft.getString("Status"));
    assertEquals(month.atEndOfMonth(), date(draft), draft::toString);
    assertEquals(List.of("310 5.00", "635 -5.00"), journalLines(draft));
    JsonObject view = monthView();
    assertEquals("IMPORTED", view.getString("state"), view::toString);
    assertEquals(new BigDecimal("25.01"), view.getJsonNumber("inXero").bigDecimalValue());
    assertEquals(new BigDecimal("20.01"), view.getJsonNumber("posted").bigDecimalValue());

    // Check 6: a restocked return of 7.50 → the same delta draft flips: 310 −2.50 / 635 +2.50.
    fx.intake(restockedReturn(22, "7.50"));
    JsonObject flip = runCogs();
    assertEquals("UPDATED", outcome(flip, firstId() + "-d1").getString("outcome"), flip::toString);
    inXero = journals();
    assertEquals(2, inXero.size(), inXero::toString);
    JsonObject flipped = byId(inXero, draftId);
    assertEquals(List.of("310 -2.50", "635 2.50"), journalLines(flipped));

    // … and a sale of 2.50 brings the target back to the posted 20.01: the delta draft is deleted.
    fx.intake(sale(25, null, "2.50"));
    JsonObject back = runCogs();
    assertEquals("UPDATED", outcome(back, firstId() + "-d1").getString("outcome"), back::toString);
    JsonObject deleted = byId(journals(), draftId);
    assertEquals("DELETED", deleted.getString("Status"), deleted::toString);
    JsonObject end = monthView();
    assertEquals("POSTED", end.getString("state"), end::toString);
    assertEquals(new BigDecimal("20.01"), end.getJsonNumber("inXero").bigDecimalValue());
    assertEquals(0, end.getJsonNumber("difference").bigDecimalValue().signum(), end::toString);
  }

  @Test
  void costsAreTrackedPerLocationAndAnUnmappedLocationBlocksTheMonth() {
    // Check 9: AKL 100.00 and WLG 40.00 → four lines, each with its Region option.
    fx.intake(sale(3, "AKL", "4@25"), sale(4, "WLG", "40"));
    JsonObject run = runCogs();
    assertEquals("IMPORTED", outcome(run, firstId()).getString("outcome"), run::toString);
    List<JsonObject> inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(
        List.of(
            "310 100.00 Auckland",
            "310 40.00 Wellington",
            "635 -100.00 Auckland",
            "635 -40.00 Wellington"),
        journalLines(inXero.get(0)));

    // A sale at a location with no tracking option: the month is blocked, nothing is sent.
    fx.intake(sale(5, "CHC", "9.99"));
    JsonObject view = monthView();
    assertEquals("BLOCKED", view.getString("state"), view::toString);
    assertTrue(view.toString().contains("TRACKING_OPTION_UNKNOWN"), view::toString);
    JsonObject blocked = runCogs();
    assertEquals("SKIPPED", outcome(blocked, firstId()).getString("outcome"), blocked::toString);
    assertEquals(
        List.of(
            "310 100.00 Auckland",
            "310 40.00 Wellington",
            "635 -100.00 Auckland",
            "635 -40.00 Wellington"),
        journalLines(journals().get(0)));
  }

  @Test
  void twoRunsAtOnceGiveOneJournal() throws Exception {
    fx.intake(sale(7, null, "12.345678"), sale(8, null, "0.654322"));
    CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(this::startCogs);
    CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(this::startCogs);
    for (HttpResponse<String> started : List.of(a.get(), b.get())) {
      assertStatus(202, started);
      fx.await(json(started).getInt("id"));
    }
    List<JsonObject> inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(List.of("310 13.00", "635 -13.00"), journalLines(inXero.get(0)));
  }

  @Test
  void aJournalXeroSavedWhoseAnswerWasLostIsFoundByItsNarrationNotSentTwice() {
    fx.intake(sale(9, null, "3@1.3333"));
    JsonObject run;
    try {
      assertStatus(
          200,
          client.asAdmin(
              "PUT", FAULTS, "{\"commitThenFailPercent\":100,\"commitThenFailMode\":\"drop\"}"));
      run = runCogs();
    } finally {
      assertStatus(200, client.asAdmin("PUT", FAULTS, NO_FAULTS));
    }
    JsonObject item = outcome(run, firstId());
    assertEquals("IMPORTED", item.getString("outcome"), item::toString);
    assertTrue(item.toString().contains("found in Xero by reading it back"), item::toString);
    List<JsonObject> inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(item.getString("xeroId"), inXero.get(0).getString("ManualJournalID"));
    assertEquals(List.of("310 4.00", "635 -4.00"), journalLines(inXero.get(0)));
  }

  @Test
  void aPostedJournalVoidedInXeroCountsNothingAndTheMonthIsPostedAgain() {
    fx.intake(sale(6, null, "10.00"));
    JsonObject first = runCogs();
    String journalId = outcome(first, firstId()).getString("xeroId");
    fx.act("manualjournals", journalId, "approve");
    fx.act("manualjournals", journalId, "void");

    // The run reads the posted journal back first: voided, it holds nothing of the month's cost.
    JsonObject again = runCogs();
    assertEquals(
        "IMPORTED", outcome(again, firstId() + "-d1").getString("outcome"), again::toString);
    List<JsonObject> inXero = journals();
    assertEquals(2, inXero.size(), inXero::toString);
    assertEquals("VOIDED", byId(inXero, journalId).getString("Status"));
    JsonObject replacement =
        inXero.stream()
            .filter(j -> !j.getString("ManualJournalID").equals(journalId))
            .findFirst()
            .orElseThrow();
    assertEquals("DRAFT", replacement.getString("Status"));
    assertEquals(List.of("310 10.00", "635 -10.00"), journalLines(replacement));
    JsonObject view = monthView();
    assertEquals(new BigDecimal("10.00"), view.getJsonNumber("inXero").bigDecimalValue());
    assertEquals(0, view.getJsonNumber("posted").bigDecimalValue().signum(), view::toString);
  }

  @Test
  void aLockedMonthIsBlockedUnlessBookedOnTheFirstOpenDay() {
    // Check 7: Xero's books are locked up to the month's end.
    fx.intake(sale(11, null, "8.40"));
    String org = "api/v1/sandbox/organisations/" + ImportFixture.ORG;
    JsonObject sandboxOrg = json(client.asAdmin("GET", org, null));
    String restore =
        "{\"periodLockDate\":"
            + sandboxOrg.get("periodLockDate")
            + ",\"endOfYearLockDate\":"
            + sandboxOrg.get("endOfYearLockDate")
            + "}";
    String locks = org + "/lock-dates";
    assertStatus(
        200,
        client.asAdmin(
            "PUT",
            locks,
            "{\"periodLockDate\":\"" + month.atEndOfMonth() + "\",\"endOfYearLockDate\":null}"));
    try {
      assertStatus(200, client.asAdmin("POST", "api/v1/xero/reference/refresh", null));
      JsonObject view = monthView();
      assertEquals("BLOCKED", view.getString("state"), view::toString);
      assertTrue(view.toString().contains("LOCK_DATE"), view::toString);
      JsonObject blocked = runCogs();
      assertEquals("SKIPPED", outcome(blocked, firstId()).getString("outcome"), blocked::toString);
      assertTrue(journals().isEmpty(), () -> journals().toString());

      // Booked on the first open day instead: dated the 1st of the next month, sent once.
      HttpResponse<String> started =
          client.as(
              "accountant",
              "POST",
              "api/v1/inventory/cogs/import",
              "{\"from\":\""
                  + month
                  + "\",\"to\":\""
                  + month
                  + "\",\"bookLockedOnFirstOpenDay\":true}");
      assertStatus(202, started);
      JsonObject run = fx.await(json(started).getInt("id"));
      assertEquals("IMPORTED", outcome(run, firstId()).getString("outcome"), run::toString);
      List<JsonObject> inXero = journals();
      assertEquals(1, inXero.size(), inXero::toString);
      assertEquals(month.plusMonths(1).atDay(1), date(inXero.get(0)), inXero::toString);
      assertEquals(List.of("310 8.40", "635 -8.40"), journalLines(inXero.get(0)));
    } finally {
      assertStatus(200, client.asAdmin("PUT", locks, restore));
      assertStatus(200, client.asAdmin("POST", "api/v1/xero/reference/refresh", null));
    }
  }

  @Test
  void aProductsCogsOverrideTakesItsCostToItsOwnAccount() {
    fx.patchSettings("{\"accountOverrides\":{\"products\":{\"COGS-GIFT\":{\"cogs\":\"300\"}}}}");
    fx.intake(
        productDocument("SALE", uniqueId("COGS-S"), 2, null, true, "COGS-GIFT", "2.505"),
        sale(3, null, "1.50"));
    JsonObject run = runCogs();
    assertEquals("IMPORTED", outcome(run, firstId()).getString("outcome"), run::toString);
    List<JsonObject> inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(List.of("300 2.51", "310 1.50", "635 -4.01"), journalLines(inXero.get(0)));
  }

  @Test
  void underThePeriodicMethodCogsIsShownAsNotUsedAndNothingIsSent() {
    fx.intake(sale(4, null, "7.00"));
    fx.patchSettings("{\"accountingMethod\":\"PERIODIC\"}");
    JsonObject view = monthView();
    assertEquals("NOT_USED", view.getString("state"), view::toString);
    assertEquals(new BigDecimal("7.00"), view.getJsonNumber("cost").bigDecimalValue());
    assertTrue(view.getJsonArray("blocking").isEmpty(), view::toString);
    HttpResponse<String> refused = startCogs();
    assertStatus(400, refused);
    assertTrue(refused.body().contains("periodic"), refused::body);
    assertTrue(journals().isEmpty(), () -> journals().toString());
  }
}
