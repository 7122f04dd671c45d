package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.FAULTS;
import static io.ledgerbridge.testing.ImportFixture.NO_FAULTS;
import static io.ledgerbridge.testing.ImportFixture.journalLines;
import static io.ledgerbridge.testing.ImportFixture.outcome;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stock adjustments become draft manual journals in "Xero" under the perpetual method (issue 12
 * §3), through the same engine as invoices: what reached the sandbox (accounts, amounts, tracking
 * per location, exactly one journal each), re-import of a changed adjustment updating the same
 * ManualJournalID, a journal posted in Xero locking the adjustment, transfers between tracked
 * locations and the untracked one that posts nothing, and a lost answer after Xero saved the
 * journal found again by its Narration instead of sent twice.
 */
class StockAdjustmentImportIT extends LedgerBridgeDeployment {

  private ImportFixture fx;
  private String methodBefore;

  @BeforeEach
  void perpetualWithLocationsTracked() {
    fx = new ImportFixture(client).ready();
    methodBefore = fx.settings().getString("accountingMethod");
    fx.patchSettings(
        "{\"accountingMethod\":\"PERPETUAL\","
            + "\"accounts\":{\"inventory\":\"635\",\"stockAdjustment\":\"330\"},"
            + "\"tracking\":{\"Region\":{\"sourceField\":\"branch\","
            + "\"options\":{\"AKL\":\"Auckland\",\"WLG\":\"Wellington\"}}}}");
  }

  @AfterEach
  void putTheSettingsBack() {
    assertStatus(200, client.asAdmin("PUT", FAULTS, NO_FAULTS));
    fx.patchSettings(
        "{\"accountingMethod\":\"" + methodBefore + "\",\"tracking\":{\"Region\":null}}");
  }

  private static JsonObject adjustment(
      String sourceId, long version, String type, String location, String... costs) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    int n = 0;
    for (String cost : costs) {
      String[] parts = cost.split("@");
      JsonObjectBuilder line =
          Json.createObjectBuilder()
              .add("sku", "SKU-" + (++n))
              .add("description", "Item " + n)
              .add("quantity", new java.math.BigDecimal(parts[0]));
      if (parts[1].startsWith("=")) {
        line.add("costAmount", new java.math.BigDecimal(parts[1].substring(1)));
      } else {
        line.add("unitCost", new java.math.BigDecimal(parts[1]));
      }
      if (parts.length > 2) {
        line.add("accountCode", parts[2]);
      }
      lines.add(line);
    }
    JsonObjectBuilder item =
        Json.createObjectBuilder()
            .add("kind", "STOCK_ADJUSTMENT")
            .add("sourceId", sourceId)
            .add("version", version)
            .add("number", sourceId)
            .add("date", LocalDate.now().minusDays(1).toString())
            .add("currency", "NZD")
            .add("adjustmentType", type)
            .add("reason", "Test " + type.toLowerCase())
            .add("lines", lines);
    if (type.equals("TRANSFER")) {
      String[] ends = location.split(">");
      item.add("fromLocation", ends[0]).add("toLocation", ends[1]);
    } else {
      item.add("location", location);
    }
    return item.build();
  }

  private static String token(String sourceId) {
    return "[LedgerBridge " + sourceId + "]";
  }

  private JsonObject onlyJournal(String sourceId) {
    List<JsonObject> found = fx.journalsInXero(token(sourceId));
    assertEquals(1, found.size(), () -> sourceId + ": " + found);
    return found.get(0);
  }

  @Test
  void adjustmentsBecomeDraftJournalsUpdatedInPlaceAndLockedOncePosted() {
    String writeOff = uniqueId("ADJ-WO");
    String count = uniqueId("ADJ-CNT");
    String transfer = uniqueId("ADJ-TR");
    String untracked = uniqueId("ADJ-TRX");
    fx.intake(
        adjustment(writeOff, 1, "WRITE_OFF", "WLG", "-3@12.50"),
        // 0.333334 + 0.333333 + 0.333333 rounds once to 1.00 (per line it would be 0.99).
        adjustment(
            count, 1, "COUNT", "AKL", "1@=0.333334", "1@=0.333333", "1@=0.333333", "2@4.005@429"),
        adjustment(transfer, 1, "TRANSFER", "AKL>WLG", "-2@=-20.125", "2@=20.125"),
        adjustment(untracked, 1, "TRANSFER", "AKL>CHC", "-1@=-5", "1@=5"));

    // The adjustments list shows each adjustment's value: the net of its lines, or what a
    // transfer moves.
    io.ledgerbridge.testing.LedgerBridgeClient page =
        new io.ledgerbridge.testing.LedgerBridgeClient(base);
    page.signIn("viewer", "viewer");
    String html = page.get("transactions/list.xhtml?kind=stock-adjustment&q=" + writeOff).body();
    assertTrue(html.contains(">Value<"), html);
    assertTrue(html.contains("-37.50"), html);
    String moved = page.get("transactions/list.xhtml?kind=stock-adjustment&q=" + transfer).body();
    assertTrue(moved.contains("20.125"), moved);

    JsonObject run = fx.importAndWait("STOCK_ADJUSTMENT", writeOff, count, transfer, untracked);

    for (String id : List.of(writeOff, count, transfer)) {
      assertEquals("IMPORTED", outcome(run, id).getString("outcome"), () -> id + ": " + run);
    }
    JsonObject skipped = outcome(run, untracked);
    assertEquals("SKIPPED", skipped.getString("outcome"), skipped::toString);
    assertTrue(skipped.toString().contains("posts nothing"), skipped::toString);
    assertTrue(fx.journalsInXero(token(untracked)).isEmpty());

    JsonObject w = onlyJournal(writeOff);
    assertEquals("DRAFT", w.getString("Status"));
    assertEquals("NoTax", w.getString("LineAmountTypes"));
    assertEquals(List.of("635 -37.50 Wellington", "330 37.50 Wellington"), journalLines(w));
    assertEquals(w.getString("ManualJournalID"), outcome(run, writeOff).getString("xeroId"));
    assertEquals(
        List.of("635 9.01 Auckland", "330 -1.00 Auckland", "429 -8.01 Auckland"),
        journalLines(onlyJournal(count)));
    assertEquals(
        List.of("635 20.13 Wellington", "635 -20.13 Auckland"),
        journalLines(onlyJournal(transfer)));
    assertEquals("IMPORTED", fx.state("STOCK_ADJUSTMENT", writeOff));

    // A changed count: the same draft journal gets the full new line set.
    fx.intake(adjustment(writeOff, 2, "WRITE_OFF", "WLG", "-4@12.50"));
    assertEquals("CHANGED", fx.state("STOCK_ADJUSTMENT", writeOff));
    JsonObject second = fx.importAndWait("STOCK_ADJUSTMENT", writeOff);
    assertEquals("UPDATED", outcome(second, writeOff).getString("outcome"), second::toString);
    JsonObject updated = onlyJournal(writeOff);
    assertEquals(w.getString("ManualJournalID"), updated.getString("ManualJournalID"));
    assertEquals(List.of("635 -50.00 Wellington", "330 50.00 Wellington"), journalLines(updated));

    // Unchanged: nothing is sent.
    JsonObject third = fx.importAndWait("STOCK_ADJUSTMENT", writeOff);
    assertEquals("SKIPPED", outcome(third, writeOff).getString("outcome"), third::toString);

    // Posted in Xero: LedgerBridge never edits it again.
    fx.act("manualjournals", updated.getString("ManualJournalID"), "approve");
    fx.refreshAndWait();
    assertEquals("APPROVED_IN_XERO", fx.state("STOCK_ADJUSTMENT", writeOff));
    fx.intake(adjustment(writeOff, 3, "WRITE_OFF", "WLG", "-5@12.50"));
    JsonObject fourth = fx.importAndWait("STOCK_ADJUSTMENT", writeOff);
    assertEquals("SKIPPED", outcome(fourth, writeOff).getString("outcome"), fourth::toString);
    JsonObject posted = onlyJournal(writeOff);
    assertEquals("POSTED", posted.getString("Status"));
    assertEquals(List.of("635 -50.00 Wellington", "330 50.00 Wellington"), journalLines(posted));
  }

  @Test
  void aJournalXeroSavedWhoseAnswerWasLostIsFoundByItsNarrationNotSentTwice() {
    List<String> ids = new ArrayList<>();
    List<JsonObject> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = uniqueId("ADJ-LOST");
      ids.add(id);
      items.add(adjustment(id, 1, "WRITE_OFF", "AKL", "-1@" + (10 + i)));
    }
    fx.intake(items.toArray(JsonObject[]::new));
    JsonObject run;
    try {
      // Every write is saved, and the connection drops before the answer (the retries too).
      assertStatus(
          200,
          client.asAdmin(
              "PUT", FAULTS, "{\"commitThenFailPercent\":100,\"commitThenFailMode\":\"drop\"}"));
      run = fx.importAndWait("STOCK_ADJUSTMENT", ids.toArray(String[]::new));
    } finally {
      assertStatus(200, client.asAdmin("PUT", FAULTS, NO_FAULTS));
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      JsonObject item = outcome(run, id);
      assertEquals("IMPORTED", item.getString("outcome"), item::toString);
      assertTrue(item.toString().contains("found in Xero by reading it back"), item::toString);
      JsonObject journal = onlyJournal(id);
      assertEquals(journal.getString("ManualJournalID"), item.getString("xeroId"));
      assertEquals(
          List.of("635 -" + (10 + i) + ".00 Auckland", "330 " + (10 + i) + ".00 Auckland"),
          journalLines(journal));
    }
  }
}
