package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.document;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.FreshDatabase;
import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.PayaraProcess;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real crashes: the Payara process is killed with SIGKILL at a random moment of an import run, five
 * times per database, while "Xero" (the built-in sandbox) saves one write in four and then drops
 * the connection before answering. Each time the server comes back on the same data and port, takes
 * the dead run over and finishes it. Afterwards, through the sandbox: every transaction is in Xero
 * exactly once, with its total; none is missing; every run is DONE with every transaction IMPORTED.
 * The seed of the random moments is logged, so a failure can be replayed.
 */
class ImportCrashProcessIT {

  private static final Logger LOG = Logger.getLogger(ImportCrashProcessIT.class.getName());
  private static final int KILLS = 5;
  private static final int SALES_PER_RUN = 120;
  private static final String DATE = LocalDate.now().minusDays(10).toString();
  private static final String FAULTS =
      "api/v1/sandbox/organisations/" + ImportFixture.ORG + "/faults";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void aRunKilledAgainAndAgainStillPutsEveryTransactionInXeroExactlyOnce(String database)
      throws Exception {
    long seed = System.nanoTime();
    LOG.info("ImportCrashProcessIT on " + database + ": seed " + seed);
    Random random = new Random(seed);
    Map<String, String> environment = environment(database);

    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    Map<Long, List<String>> runs = new LinkedHashMap<>();
    int midRun = 0;
    PayaraProcess payara = PayaraProcess.start("crash-" + database, environment);
    int port = payara.port();
    try {
      LedgerBridgeClient client = new LedgerBridgeClient(payara.base());
      ImportFixture fx = new ImportFixture(client).ready();
      String customer = TestTransactions.uniqueId("CRASH");
      String first = TestTransactions.uniqueId("SO");
      JsonObject firstSale = sale(first, customer, random);
      fx.intake(firstSale);
      fx.link(customer);
      expected.put(first, firstSale.getJsonNumber("total").bigDecimalValue());
      runs.put(fx.importAndWait("SALE", first).getJsonNumber("id").longValue(), List.of(first));
      assertStatus(
          200,
          client.asAdmin(
              "PUT", FAULTS, "{\"commitThenFailPercent\":25,\"commitThenFailMode\":\"drop\"}"));

      for (int kill = 1; kill <= KILLS; kill++) {
        List<String> ids = new ArrayList<>();
        List<JsonObject> sales = new ArrayList<>();
        for (int i = 0; i < SALES_PER_RUN; i++) {
          String id = TestTransactions.uniqueId("SO");
          JsonObject sale = sale(id, customer, random);
          ids.add(id);
          sales.add(sale);
          expected.put(id, sale.getJsonNumber("total").bigDecimalValue());
        }
        fx.intake(sales.toArray(JsonObject[]::new));
        long run = fx.startImport("accountant", "SALE", ids).getJsonNumber("id").longValue();
        runs.put(run, ids);
        // Killed at a random point of the run: before anything is recorded, or after up to half
        // of its transactions are (batches of 50: the next ones are then on the wire).
        int after = random.nextInt(SALES_PER_RUN / 2 + 1);
        if (killedMidRun(client, run, after)) {
          midRun++;
        }
        payara.kill();
        payara = PayaraProcess.start("crash-" + database + "-" + kill, environment, port);
        client = new LedgerBridgeClient(payara.base());
        fx = new ImportFixture(client);
      }

      for (Map.Entry<Long, List<String>> run : runs.entrySet()) {
        JsonObject done = fx.await(run.getKey(), Duration.ofMinutes(4));
        for (String id : run.getValue()) {
          JsonObject outcome = ImportFixture.outcome(done, id);
          assertEquals("IMPORTED", outcome.getString("outcome"), outcome::toString);
        }
      }
      assertStatus(200, client.asAdmin("PUT", FAULTS, "{}"));

      Map<String, List<JsonObject>> inXero = invoicesByNumber(client);
      for (Map.Entry<String, BigDecimal> sale : expected.entrySet()) {
        List<JsonObject> docs = inXero.getOrDefault("N-" + sale.getKey(), List.of());
        assertEquals(1, docs.size(), () -> sale.getKey() + " in Xero: " + docs + " (seed " + seed);
        BigDecimal total = docs.get(0).getJsonNumber("Total").bigDecimalValue();
        assertEquals(0, sale.getValue().compareTo(total), sale.getKey() + ": " + total);
        assertEquals("IMPORTED", fx.state("SALE", sale.getKey()), sale.getKey());
      }
      assertTrue(expected.size() == 1 + KILLS * SALES_PER_RUN, "every sale checked");
      // The kills must have hit runs at work, or this test proves nothing about crashes.
      assertTrue(midRun >= KILLS - 1, midRun + " of " + KILLS + " kills hit a running import");
      LOG.info("ImportCrashProcessIT on " + database + ": " + midRun + " kills mid-run");
    } finally {
      payara.close();
    }
  }

  /**
   * Waits until the run has recorded at least {@code recorded} transactions (or ended); returns
   * whether it was still running then.
   */
  private static boolean killedMidRun(LedgerBridgeClient client, long run, int recorded)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < until) {
      var answer = client.as("viewer", "GET", "api/v1/import-runs/" + run + "?limit=1", null);
      assertStatus(200, answer);
      JsonObject json = json(answer);
      if (!"RUNNING".equals(json.getString("status"))) {
        return false;
      }
      JsonObject counts = json.getJsonObject("counts");
      if (counts.getInt("done") >= recorded) {
        return true;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** A sale of one to three lines with amounts that differ from sale to sale. */
  private static JsonObject sale(String id, String customer, Random random) {
    int lines = 1 + random.nextInt(3);
    String[][] amounts = new String[lines][];
    for (int i = 0; i < lines; i++) {
      amounts[i] =
          new String[] {
            String.valueOf(1 + random.nextInt(5)),
            BigDecimal.valueOf(100 + random.nextInt(99_900), 2).toPlainString()
          };
    }
    return document("SALE", id, 1, customer, DATE, amounts);
  }

  /** Every invoice of the demo organisation, deleted ones included, by number. */
  private static Map<String, List<JsonObject>> invoicesByNumber(LedgerBridgeClient client) {
    var all =
        client.asAdmin(
            "GET", "api/v1/sandbox/organisations/" + ImportFixture.ORG + "/invoices", null);
    assertStatus(200, all);
    Map<String, List<JsonObject>> out = new HashMap<>();
    for (JsonObject item : json(all).getJsonArray("items").getValuesAs(JsonObject.class)) {
      JsonObject doc = item.getJsonObject("document");
      out.computeIfAbsent(doc.getString("InvoiceNumber", ""), n -> new ArrayList<>()).add(doc);
    }
    return out;
  }

  /** Demo mode with the sandbox, on its own data; a dead run is taken over within seconds. */
  private static Map<String, String> environment(String database) throws Exception {
    Path build = Path.of(System.getProperty("it.buildDir", "target"));
    Path data = build.resolve("it-data-crash-" + database);
    deleteTree(data);
    Map<String, String> env = new HashMap<>();
    env.put("LEDGERBRIDGE_DEMO", "true");
    env.put("LEDGERBRIDGE_DATA_DIR", data.toString());
    if (database.equals("postgres")) {
      env.put("LEDGERBRIDGE_DB_URL", FreshDatabase.freshPostgres("ledgerbridge_crash"));
    }
    env.put("LEDGERBRIDGE_SANDBOX_MINUTE_WINDOW_SECONDS", "5");
    env.put("LEDGERBRIDGE_SANDBOX_LIMIT_MINUTE", "100000");
    env.put("LEDGERBRIDGE_IMPORT_STALE_AFTER_SECONDS", "6");
    env.put("LEDGERBRIDGE_IMPORT_WATCH_SECONDS", "2");
    env.put("LEDGERBRIDGE_XERO_CLIENT_RETRY_BASE_DELAY_MS", "100");
    return env;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
