package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.FAULTS;
import static io.ledgerbridge.testing.ImportFixture.NO_FAULTS;
import static io.ledgerbridge.testing.ImportFixture.document;
import static io.ledgerbridge.testing.ImportFixture.outcome;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Exactly once under failure (issue 6 §6): imports into the sandbox while its answers are lost
 * after the write took effect (commit then fail), under a storm of 500/503 answers to reads and
 * writes, with the worker dying between Xero saving a batch and LedgerBridge recording it, and with
 * two runs over the same selection at the same time. Every test ends by counting what reached
 * "Xero" through the sandbox console: exactly one document per transaction, of its number (bills
 * and supplier credits also by contact, date and total: two bills of one supplier share a number
 * here), with the right total, and the id LedgerBridge recorded is that document's.
 *
 * <p>The "restart" is simulated inside the one JVM the tests run against: {@code POST
 * api/v1/import-runs/faults {"crashAfterSend":N}} makes the worker thread end right after Xero
 * answered a batch and before anything is recorded, so the documents stay claimed in flight and the
 * run's heartbeat stops; the same node's watch timer then takes the run over as it would one whose
 * node died (the failsafe executions make a heartbeat stale after 6 s and watch every 2 s). It is
 * not a real process restart: nothing in memory is lost except the worker.
 *
 * <p>Sandbox faults are global to the demo organisation: every test puts them back to none (and
 * crashAfterSend to 0) in a finally.
 */
class ImportExactlyOnceIT extends LedgerBridgeDeployment {

  /** What an outcome says when an earlier, unanswered send was found in Xero. */
  private static final String READ_BACK = "found in Xero by reading it back";

  /** A transaction sent through intake, and the Xero document it must become. */
  private record Tx(
      String kind,
      String sourceId,
      String number,
      String contactId,
      String date,
      BigDecimal total) {

    boolean creditNote() {
      return kind.endsWith("CREDIT");
    }

    String collection() {
      return creditNote() ? "creditnotes" : "invoices";
    }

    String xeroType() {
      return switch (kind) {
        case "SALE" -> "ACCREC";
        case "PURCHASE" -> "ACCPAY";
        case "CUSTOMER_CREDIT" -> "ACCRECCREDIT";
        default -> "ACCPAYCREDIT";
      };
    }

    String path() {
      return "api/v1/transactions/"
          + kind.toLowerCase(Locale.ROOT).replace('_', '-')
          + "/"
          + sourceId
          + "/xero";
    }

    Tx changed(BigDecimal newTotal) {
      return new Tx(kind, sourceId, number, contactId, date, newTotal);
    }
  }

  // ---- commit then fail -----------------------------------------------------------------------

  @Test
  void writesThatTookEffectButLostTheirAnswerAreFoundByReadingXeroBackNotSentAgain() {
    ImportFixture fx = fixture();
    List<Tx> sales = documents(fx, "SALE", 60);
    List<Tx> bills = bills(fx, 2);
    List<Tx> customerCredits = documents(fx, "CUSTOMER_CREDIT", 3);
    List<Tx> supplierCredits = documents(fx, "SUPPLIER_CREDIT", 3);
    JsonObject saleRun;
    JsonObject billRun;
    JsonObject customerCreditRun;
    JsonObject supplierCreditRun;
    try {
      // Every write is saved, and every answer to it (the client's retries too) is a 500.
      faults("{\"commitThenFailPercent\":100,\"commitThenFailMode\":\"500\"}");
      long s = start(fx, "accountant", sales);
      long b = start(fx, "accountant", bills);
      saleRun = fx.await(s);
      billRun = fx.await(b);
      // The same with the connection dropped halfway through the answer.
      faults("{\"commitThenFailPercent\":100,\"commitThenFailMode\":\"drop\"}");
      long c = start(fx, "accountant", customerCredits);
      long d = start(fx, "accountant", supplierCredits);
      customerCreditRun = fx.await(c);
      supplierCreditRun = fx.await(d);
    } finally {
      faults(NO_FAULTS);
    }
    for (var pair :
        List.of(
            Map.entry(sales, saleRun),
            Map.entry(bills, billRun),
            Map.entry(customerCredits, customerCreditRun),
            Map.entry(supplierCredits, supplierCreditRun))) {
      List<Tx> txs = pair.getKey();
      JsonObject run = pair.getValue();
      Map<String, String> ids = assertExactlyOneEach(txs);
      assertCounts(run, txs.size(), 0, 0);
      for (Tx tx : txs) {
        JsonObject item = outcome(run, tx.sourceId());
        assertEquals("IMPORTED", item.getString("outcome"), item::toString);
        assertEquals(ids.get(tx.sourceId()), item.getString("xeroId"), item::toString);
        assertTrue(messages(item).contains(READ_BACK), item::toString);
      }
    }
  }

  // ---- 503 storm --------------------------------------------------------------------------------

  @Test
  void aStormOf500And503AnswersToReadsAndWritesNeverLeavesTwoDocumentsForOneTransaction() {
    ImportFixture fx = fixture();
    List<List<Tx>> groups =
        List.of(
            documents(fx, "SALE", 60),
            bills(fx, 2),
            documents(fx, "CUSTOMER_CREDIT", 3),
            documents(fx, "SUPPLIER_CREDIT", 3));
    List<Tx> all = groups.stream().flatMap(List::stream).toList();
    List<Tx> outage = groups.get(3);
    long retriesBefore = retries();
    Map<String, JsonObject> outcomes = new HashMap<>();
    try {
      // First a full outage for the supplier credits: the send and the read-back both run out of
      // retries, so they fail saying so and stay claimed in flight.
      faults("{\"error503Percent\":100}");
      JsonObject dark = fx.await(start(fx, "accountant", outage));
      assertCounts(dark, 0, outage.size(), 0);
      for (Tx tx : outage) {
        JsonObject item = outcome(dark, tx.sourceId());
        assertTrue(messages(item).contains("Could not read Xero"), item::toString);
        assertEquals(
            String.valueOf(dark.getInt("id")),
            String.valueOf(xero(tx).get("inFlightRun")),
            tx::toString);
      }
      assertTrue(assertAtMostOneEach(outage).values().stream().allMatch(List::isEmpty));

      // Then the storm, over everything: half of all calls, reads and writes, answer 503 or 500
      // without doing anything; of the writes that get through, 30% are saved but answer 503.
      faults(
          "{\"error503Percent\":40,\"error500Percent\":10,\"commitThenFailPercent\":30,"
              + "\"commitThenFailMode\":\"503\"}");
      List<Long> runs = new ArrayList<>();
      for (List<Tx> group : groups) {
        runs.add(start(fx, "accountant", group));
      }
      for (int g = 0; g < groups.size(); g++) {
        JsonObject run = fx.await(runs.get(g), Duration.ofMinutes(3));
        assertEquals("DONE", run.getString("status"), run::toString);
        for (Tx tx : groups.get(g)) {
          outcomes.put(tx.sourceId(), outcome(run, tx.sourceId()));
        }
      }
    } finally {
      faults(NO_FAULTS);
    }
    // The faults reached LedgerBridge's Xero client (it retried), not only the sandbox's settings.
    assertTrue(retries() > retriesBefore, "no retry at all: were the faults in effect?");

    // Each document ended imported, or failed saying Xero may or may not have it (the client's
    // retries and the run's three sends, or the read-back, ran out); never refused, never twice.
    List<Tx> unresolved = new ArrayList<>();
    for (Tx tx : all) {
      JsonObject item = outcomes.get(tx.sourceId());
      if (item.getString("outcome").equals("FAILED")) {
        String text = messages(item);
        assertTrue(text.contains("may or may not") || text.contains("Could not read Xero"), text);
        unresolved.add(tx);
      } else {
        assertEquals("IMPORTED", item.getString("outcome"), item::toString);
      }
    }
    Map<Tx, List<JsonObject>> afterStorm = assertAtMostOneEach(all);

    // Calm again: importing the unresolved ones reads Xero before sending anything, so those
    // that did arrive are found, and only the others are sent.
    for (List<Tx> group : groups) {
      List<Tx> again = group.stream().filter(unresolved::contains).toList();
      if (again.isEmpty()) {
        continue;
      }
      JsonObject run = fx.await(start(fx, "accountant", again));
      assertCounts(run, again.size(), 0, 0);
      for (Tx tx : again) {
        JsonObject item = outcome(run, tx.sourceId());
        assertEquals(
            !afterStorm.get(tx).isEmpty(), messages(item).contains(READ_BACK), item::toString);
        outcomes.put(tx.sourceId(), item);
      }
    }
    Map<String, String> ids = assertExactlyOneEach(all);
    for (Tx tx : all) {
      JsonObject item = outcomes.get(tx.sourceId());
      assertEquals("IMPORTED", item.getString("outcome"), item::toString);
      assertEquals(ids.get(tx.sourceId()), item.getString("xeroId"), item::toString);
    }
  }

  // ---- a node dies between sending and recording ------------------------------------------------

  @Test
  void aRunWhoseNodeDiedAfterXeroSavedTheBatchIsTakenOverAndReconcilesBeforeSending() {
    ImportFixture fx = fixture();
    List<Tx> sales = documents(fx, "SALE", 60);
    List<Tx> bills = bills(fx, 2);
    long saleRunId;
    long billRunId;
    JsonObject saleRun;
    JsonObject billRun;
    try {
      // The first batch of each run reaches Xero; then its worker ends without recording.
      crashAfterSend(2);
      saleRunId = start(fx, "accountant", sales);
      billRunId = start(fx, "accountant", bills);
      List<Tx> sent = new ArrayList<>(sales.subList(0, 50));
      sent.addAll(bills);
      awaitInSandbox(sent);

      // Dead: the runs still RUNNING with nothing recorded, the documents claimed in flight.
      JsonObject dead = run(saleRunId);
      assertEquals("RUNNING", dead.getString("status"), dead::toString);
      assertEquals(0, dead.getJsonObject("counts").getInt("done"), dead::toString);
      JsonObject claimed = xero(sales.get(0));
      assertFalse(claimed.containsKey("xeroId"), claimed::toString);
      assertEquals(
          String.valueOf(saleRunId), String.valueOf(claimed.get("inFlightRun")), claimed::toString);

      saleRun = fx.await(saleRunId);
      billRun = fx.await(billRunId);
    } finally {
      crashAfterSend(0);
    }
    assertTrue(resumed(saleRunId), "no import.run-resumed for run " + saleRunId);
    assertTrue(resumed(billRunId), "no import.run-resumed for run " + billRunId);
    assertCounts(saleRun, 60, 0, 0);
    assertCounts(billRun, bills.size(), 0, 0);
    assertEquals("DONE", saleRun.getString("status"));

    Map<String, String> ids = assertExactlyOneEach(Stream.concat(sales.stream(), bills.stream()));
    for (int i = 0; i < sales.size(); i++) {
      Tx tx = sales.get(i);
      JsonObject item = outcome(saleRun, tx.sourceId());
      assertEquals("IMPORTED", item.getString("outcome"), item::toString);
      assertEquals(ids.get(tx.sourceId()), item.getString("xeroId"), item::toString);
      // The crashed first batch was found by reading Xero back. The other 10 went out in a batch
      // beside it (the run works batches in parallel) — then read back too — or after the takeover.
      if (i < 50) {
        assertTrue(messages(item).contains(READ_BACK), item::toString);
      }
    }
    for (Tx tx : bills) {
      JsonObject item = outcome(billRun, tx.sourceId());
      assertEquals("IMPORTED", item.getString("outcome"), item::toString);
      assertEquals(ids.get(tx.sourceId()), item.getString("xeroId"), item::toString);
      assertTrue(messages(item).contains(READ_BACK), item::toString);
    }
  }

  /**
   * Someone imports the same bills again while the run that sent them is dead. Which of the two
   * meets the in-flight claims first depends on the watch timer (the second run may wait for the
   * first's claims, or find them stale and adopt them); either way the one that records a bill does
   * so by reading Xero back, and the other skips it. Beside it, a run re-importing changed supplier
   * credits dies after Xero applied the update: taken over, it reads the credit notes back by id
   * and sends the update again, to the same CreditNoteID.
   */
  @Test
  void aNewRunWhileTheFirstIsDeadReadsXeroFirstAndADeadUpdateIsSentAgainInPlace() {
    ImportFixture fx = fixture();
    List<Tx> bills = bills(fx, 4);
    List<Tx> credits = documents(fx, "SUPPLIER_CREDIT", 3);
    assertCounts(fx.await(start(fx, "accountant", credits)), credits.size(), 0, 0);
    Map<String, String> creditIds = assertExactlyOneEach(credits);
    List<Tx> changedCredits = newVersions(fx, credits, 4, 2500);
    long firstId;
    long updateId;
    long secondId;
    JsonObject first;
    JsonObject update;
    JsonObject second;
    try {
      crashAfterSend(2);
      firstId = start(fx, "accountant", bills);
      updateId = start(fx, "accountant", changedCredits);
      awaitInSandbox(bills);
      awaitInSandbox(changedCredits);
      crashAfterSend(0);
      // The first run's heartbeat goes stale at most 6 s after its crash.
      sleep(Duration.ofSeconds(6));
      secondId = start(fx, "admin", bills);
      first = fx.await(firstId);
      second = fx.await(secondId);
      update = fx.await(updateId);
    } finally {
      crashAfterSend(0);
    }
    assertTrue(resumed(firstId), "no import.run-resumed for run " + firstId);
    Map<String, String> ids = assertExactlyOneEach(bills);
    Map<String, JsonObject> recorded = assertRecordedOnce(bills, ids, "IMPORTED", first, second);
    for (JsonObject item : recorded.values()) {
      assertTrue(messages(item).contains(READ_BACK), item::toString);
    }

    assertTrue(resumed(updateId), "no import.run-resumed for run " + updateId);
    Map<String, String> updated = assertExactlyOneEach(changedCredits);
    assertEquals(creditIds, updated);
    assertRecordedOnce(changedCredits, updated, "UPDATED", update);
  }

  // ---- two runs at once -------------------------------------------------------------------------

  @Test
  void twoRunsOverTheSameSelectionAtOnceCreateAndThenUpdateEachDocumentOnce() throws Exception {
    ImportFixture fx = fixture();
    List<Tx> sales = documents(fx, "SALE", 100);
    List<Tx> bills = bills(fx, 3);
    JsonObject[] saleRuns = together(fx, sales);
    JsonObject[] billRuns = together(fx, bills);
    Map<String, String> ids = assertExactlyOneEach(Stream.concat(sales.stream(), bills.stream()));
    assertRecordedOnce(sales, ids, "IMPORTED", saleRuns);
    assertRecordedOnce(bills, ids, "IMPORTED", billRuns);

    // Re-import race: the same changed documents, two runs at once → one update each, in place.
    List<Tx> changedSales = newVersions(fx, sales.subList(0, 20), 7, 1000);
    List<Tx> changedBills = newVersions(fx, bills, 2, 7000);
    assertEquals("CHANGED", fx.state("SALE", changedSales.get(0).sourceId()));
    JsonObject[] updateRuns = together(fx, changedSales);
    JsonObject[] billUpdateRuns = together(fx, changedBills);
    Map<String, String> after =
        assertExactlyOneEach(Stream.concat(changedSales.stream(), changedBills.stream()));
    for (Tx tx : Stream.concat(changedSales.stream(), changedBills.stream()).toList()) {
      assertEquals(ids.get(tx.sourceId()), after.get(tx.sourceId()), "a new document for " + tx);
    }
    assertRecordedOnce(changedSales, after, "UPDATED", updateRuns);
    assertRecordedOnce(changedBills, after, "UPDATED", billUpdateRuns);
  }

  // ---- set-up -----------------------------------------------------------------------------------

  /** Connection, reference data and settings once per class: no test here changes them. */
  private static boolean ready;

  private ImportFixture fixture() {
    ImportFixture fx = new ImportFixture(client);
    if (!ready) {
      fx.ready();
      ready = true;
    }
    return fx;
  }

  /** Contact codes by source id, for new versions. */
  private final Map<String, String> codes = new HashMap<>();

  /** {@code n} documents of {@code kind} for one new contact, sent through intake, linked. */
  private List<Tx> documents(ImportFixture fx, String kind, int n) {
    String code = uniqueId(kind.startsWith("SALE") || kind.startsWith("CUSTOMER") ? "CUS" : "SUP");
    List<JsonObject> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(
          document(
              kind,
              uniqueId(kind.substring(0, 2)),
              1,
              code,
              "2026-10-" + (10 + i % 15),
              line(1 + i % 4, 1050 + 37 * i)));
    }
    return intakeAndLink(fx, code, docs);
  }

  /**
   * {@code n} bills of one new supplier, and two more of that supplier with one shared number but
   * different dates and totals: only contact, number, date and total tell those two apart.
   */
  private List<Tx> bills(ImportFixture fx, int n) {
    String code = uniqueId("SUP");
    List<JsonObject> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(
          document(
              "PURCHASE",
              uniqueId("PO"),
              1,
              code,
              "2026-10-" + (10 + i),
              line(2 + i, 4000 + 125 * i)));
    }
    String shared = uniqueId("BILL");
    docs.add(
        numbered(
            document("PURCHASE", uniqueId("PO"), 1, code, "2026-10-20", line(1, 9900)), shared));
    docs.add(
        numbered(
            document("PURCHASE", uniqueId("PO"), 1, code, "2026-10-21", line(3, 9900)), shared));
    return intakeAndLink(fx, code, docs);
  }

  private List<Tx> intakeAndLink(ImportFixture fx, String code, List<JsonObject> docs) {
    fx.intake(docs.toArray(JsonObject[]::new));
    String contactId = fx.link(code);
    List<Tx> out = new ArrayList<>();
    for (JsonObject d : docs) {
      Tx tx =
          new Tx(
              d.getString("kind"),
              d.getString("sourceId"),
              d.getString("number"),
              contactId,
              d.getString("date"),
              total(d));
      codes.put(tx.sourceId(), code);
      out.add(tx);
    }
    return out;
  }

  /**
   * Version 2 of these transactions, sent through intake: the same number, date and contact, one
   * line of ({@code quantity} + i % 3) × ({@code cents} + i)/100.
   */
  private List<Tx> newVersions(ImportFixture fx, List<Tx> txs, int quantity, int cents) {
    List<JsonObject> docs = new ArrayList<>();
    List<Tx> out = new ArrayList<>();
    for (int i = 0; i < txs.size(); i++) {
      Tx tx = txs.get(i);
      JsonObject v2 =
          numbered(
              document(
                  tx.kind(),
                  tx.sourceId(),
                  2,
                  code(tx),
                  tx.date(),
                  line(quantity + i % 3, cents + i)),
              tx.number());
      docs.add(v2);
      out.add(tx.changed(total(v2)));
    }
    fx.intake(docs.toArray(JsonObject[]::new));
    return out;
  }

  private String code(Tx tx) {
    return codes.get(tx.sourceId());
  }

  /** One GST-exclusive line: {@code quantity} × {@code cents}/100. */
  private static String[] line(int quantity, int cents) {
    return new String[] {
      String.valueOf(quantity), BigDecimal.valueOf(cents).movePointLeft(2).toPlainString()
    };
  }

  private static JsonObject numbered(JsonObject document, String number) {
    return Json.createObjectBuilder(document).add("number", number).build();
  }

  private static BigDecimal total(JsonObject document) {
    return document.getJsonNumber("total").bigDecimalValue();
  }

  // ---- runs -------------------------------------------------------------------------------------

  private long start(ImportFixture fx, String user, List<Tx> txs) {
    return fx.startImport(user, txs.get(0).kind(), txs.stream().map(Tx::sourceId).toList())
        .getInt("id");
  }

  /** Two runs over the same transactions started at once, by the accountant and the admin. */
  private JsonObject[] together(ImportFixture fx, List<Tx> txs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier go = new CyclicBarrier(2);
      List<Future<Long>> started = new ArrayList<>();
      for (String user : List.of("accountant", "admin")) {
        started.add(
            pool.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  return start(fx, user, txs);
                }));
      }
      long a = started.get(0).get(30, TimeUnit.SECONDS);
      long b = started.get(1).get(30, TimeUnit.SECONDS);
      return new JsonObject[] {fx.await(a), fx.await(b)};
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonObject run(long id) {
    HttpResponse<String> run = client.as("viewer", "GET", "api/v1/import-runs/" + id, null);
    assertStatus(200, run);
    return json(run);
  }

  private static void assertCounts(JsonObject run, int imported, int failed, int skipped) {
    JsonObject counts = run.getJsonObject("counts");
    assertEquals(imported, counts.getInt("imported"), run::toString);
    assertEquals(failed, counts.getInt("failed"), run::toString);
    assertEquals(skipped, counts.getInt("skipped"), run::toString);
    assertEquals("DONE", run.getString("status"), run::toString);
  }

  private static String messages(JsonObject item) {
    return item.getJsonArray("messages").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .collect(Collectors.joining(" | "));
  }

  /**
   * Across these runs over the same transactions, each transaction is {@code outcome} in exactly
   * one, with its Xero document's id, and SKIPPED in the others; returns the recording items.
   */
  private static Map<String, JsonObject> assertRecordedOnce(
      List<Tx> txs, Map<String, String> ids, String expected, JsonObject... runs) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (Tx tx : txs) {
      List<JsonObject> items = new ArrayList<>();
      for (JsonObject run : runs) {
        assertEquals("DONE", run.getString("status"), run::toString);
        items.add(outcome(run, tx.sourceId()));
      }
      List<JsonObject> recorded =
          items.stream().filter(i -> i.getString("outcome").equals(expected)).toList();
      assertEquals(1, recorded.size(), () -> tx + ": " + items);
      assertEquals(ids.get(tx.sourceId()), recorded.get(0).getString("xeroId"), items::toString);
      for (JsonObject item : items) {
        if (item != recorded.get(0)) {
          assertEquals("SKIPPED", item.getString("outcome"), items::toString);
        }
      }
      out.put(tx.sourceId(), recorded.get(0));
    }
    return out;
  }

  // ---- faults -----------------------------------------------------------------------------------

  private void faults(String json) {
    assertStatus(200, client.asAdmin("PUT", FAULTS, json));
  }

  private void crashAfterSend(int batches) {
    assertStatus(
        204,
        client.asAdmin(
            "POST", "api/v1/import-runs/faults", "{\"crashAfterSend\":" + batches + "}"));
  }

  /** The application's Xero client retries so far (connection test, admin). */
  private long retries() {
    HttpResponse<String> test = client.asAdmin("POST", "api/v1/xero/connection-test", null);
    assertStatus(200, test);
    return json(test).getJsonNumber("retries").longValue();
  }

  /** Whether the audit log says the run was taken over. */
  private boolean resumed(long runId) {
    HttpResponse<String> audit =
        client.as(
            "viewer",
            "GET",
            "api/v1/audit?action=import.run-resumed&subject=run/" + runId + "&size=100",
            null);
    assertStatus(200, audit);
    return json(audit).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .anyMatch(e -> ("run/" + runId).equals(e.getString("subject")));
  }

  // ---- what reached "Xero" ----------------------------------------------------------------------

  /** LedgerBridge's record of the transaction's Xero document (GET …/xero's {@code xero}). */
  private JsonObject xero(Tx tx) {
    HttpResponse<String> response = client.as("viewer", "GET", tx.path(), null);
    assertStatus(200, response);
    JsonObject json = json(response);
    return json.containsKey("xero") ? json.getJsonObject("xero") : JsonObject.EMPTY_JSON_OBJECT;
  }

  /** LedgerBridge's records of these transactions' Xero documents, read four at a time. */
  private Map<Tx, JsonObject> xero(List<Tx> txs) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Map<Tx, Future<JsonObject>> reads = new LinkedHashMap<>();
      for (Tx tx : txs) {
        reads.put(tx, pool.submit(() -> xero(tx)));
      }
      Map<Tx, JsonObject> out = new LinkedHashMap<>();
      for (var read : reads.entrySet()) {
        out.put(read.getKey(), read.getValue().get(60, TimeUnit.SECONDS));
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError("Reading LedgerBridge's records failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every document of the demo organisation in the collection, by upper-cased number. */
  private Map<String, List<JsonObject>> sandbox(String collection) {
    HttpResponse<String> all =
        client.asAdmin(
            "GET", "api/v1/sandbox/organisations/" + ImportFixture.ORG + "/" + collection, null);
    assertStatus(200, all);
    String field = collection.equals("creditnotes") ? "CreditNoteNumber" : "InvoiceNumber";
    Map<String, List<JsonObject>> out = new HashMap<>();
    for (JsonObject item : json(all).getJsonArray("items").getValuesAs(JsonObject.class)) {
      JsonObject doc = item.getJsonObject("document");
      out.computeIfAbsent(doc.getString(field, "").toUpperCase(Locale.ROOT), k -> new ArrayList<>())
          .add(doc);
    }
    return out;
  }

  /** The sandbox's documents of these transactions' numbers, by transaction; several or none. */
  private Map<Tx, List<JsonObject>> inXero(List<Tx> txs) {
    Map<String, Map<String, List<JsonObject>>> collections = new HashMap<>();
    Map<Tx, List<JsonObject>> out = new LinkedHashMap<>();
    for (Tx tx : txs) {
      List<JsonObject> numbered =
          collections
              .computeIfAbsent(tx.collection(), this::sandbox)
              .getOrDefault(tx.number().toUpperCase(Locale.ROOT), List.of());
      out.put(tx, numbered.stream().filter(d -> sameDocument(tx, d)).toList());
    }
    return out;
  }

  /** Of the transaction's type, contact, date and total. */
  private static boolean sameDocument(Tx tx, JsonObject doc) {
    return tx.xeroType().equals(doc.getString("Type", ""))
        && tx.contactId().equals(doc.getJsonObject("Contact").getString("ContactID", ""))
        && doc.getString("DateString", "").startsWith(tx.date())
        && tx.total().compareTo(doc.getJsonNumber("Total").bigDecimalValue()) == 0;
  }

  private Map<String, String> assertExactlyOneEach(Stream<Tx> txs) {
    return assertExactlyOneEach(txs.toList());
  }

  /**
   * The sandbox holds exactly one document of each transaction's number (deleted ones counted; for
   * a number several transactions share, as many as they are), that one has the transaction's type,
   * contact, date and total, and LedgerBridge records its id, with no claim left in flight. Returns
   * the Xero ids by source id.
   */
  private Map<String, String> assertExactlyOneEach(List<Tx> txs) {
    Map<String, Long> perNumber =
        txs.stream()
            .collect(
                Collectors.groupingBy(
                    t -> t.collection() + "/" + t.number().toUpperCase(Locale.ROOT),
                    Collectors.counting()));
    Map<String, Map<String, List<JsonObject>>> collections = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    for (Tx tx : txs) {
      List<JsonObject> numbered =
          collections
              .computeIfAbsent(tx.collection(), this::sandbox)
              .getOrDefault(tx.number().toUpperCase(Locale.ROOT), List.of());
      long expected = perNumber.get(tx.collection() + "/" + tx.number().toUpperCase(Locale.ROOT));
      assertEquals(
          expected, numbered.size(), () -> "documents numbered " + tx.number() + ": " + numbered);
      List<JsonObject> mine = numbered.stream().filter(d -> sameDocument(tx, d)).toList();
      assertEquals(1, mine.size(), () -> tx + " in Xero: " + numbered);
      JsonObject doc = mine.get(0);
      String id = doc.getString(tx.creditNote() ? "CreditNoteID" : "InvoiceID");
      assertEquals("DRAFT", doc.getString("Status"), doc::toString);
      ids.put(tx.sourceId(), id);
    }
    for (var recorded : xero(txs).entrySet()) {
      JsonObject xero = recorded.getValue();
      assertEquals(
          ids.get(recorded.getKey().sourceId()), xero.getString("xeroId", null), xero::toString);
      assertFalse(xero.containsKey("inFlightRun"), xero::toString);
    }
    assertEquals(txs.size(), ids.values().stream().distinct().count(), "one document twice");
    return ids;
  }

  /**
   * At most one document per transaction, whatever became of the rest: no more documents of a
   * number than transactions have it, none matching a transaction twice.
   */
  private Map<Tx, List<JsonObject>> assertAtMostOneEach(List<Tx> txs) {
    Map<String, Long> perNumber =
        txs.stream()
            .collect(
                Collectors.groupingBy(
                    t -> t.collection() + "/" + t.number().toUpperCase(Locale.ROOT),
                    Collectors.counting()));
    Map<String, Map<String, List<JsonObject>>> collections = new HashMap<>();
    Map<Tx, List<JsonObject>> out = new LinkedHashMap<>();
    for (Tx tx : txs) {
      List<JsonObject> numbered =
          collections
              .computeIfAbsent(tx.collection(), this::sandbox)
              .getOrDefault(tx.number().toUpperCase(Locale.ROOT), List.of());
      long most = perNumber.get(tx.collection() + "/" + tx.number().toUpperCase(Locale.ROOT));
      assertTrue(numbered.size() <= most, () -> tx + " in Xero: " + numbered);
      List<JsonObject> mine = numbered.stream().filter(d -> sameDocument(tx, d)).toList();
      assertTrue(mine.size() <= 1, () -> tx + " in Xero: " + numbered);
      out.put(tx, mine);
    }
    return out;
  }

  /** Waits until the sandbox holds a document of each transaction. */
  private void awaitInSandbox(List<Tx> txs) {
    Instant until = Instant.now().plusSeconds(60);
    while (true) {
      Map<Tx, List<JsonObject>> found = inXero(txs);
      if (found.values().stream().noneMatch(List::isEmpty)) {
        return;
      }
      if (Instant.now().isAfter(until)) {
        fail("Not in the sandbox after 60 s: " + found);
      }
      sleep(Duration.ofMillis(250));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
