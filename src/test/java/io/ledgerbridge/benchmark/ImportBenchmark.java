package io.ledgerbridge.benchmark;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's import benchmark, not a timed test: 10,000 sales imported through the REST API by
 * one import run into the sandbox, whose minute the failsafe executions scale to 5 s, with the demo
 * organisation given Xero's own limit of 60 calls per window; then 1,000 of them changed and
 * re-imported by a second run; last, 1,500 more imported with a limit of 3 calls per window, so
 * that the limit rather than the speed of the sandbox and of LedgerBridge bounds the rate. Reports,
 * to the console and {@code target/benchmark-import-<db>.md}: documents per window as a share of
 * the ceiling (calls per window × 50 documents), API calls per document, 429s, LedgerBridge's own
 * time per document (the run's {@code ownMillis}: the time its batches spent on LedgerBridge's own
 * work, outside calls to Xero, summed over the batches it works at once), and the server's heap. It
 * asserts only that the work was done: every document in the sandbox exactly once, the changed ones
 * updated in place.
 *
 * <p>{@code -Dbench.import.documents=N} runs it with N documents (N/10 changed, 3N/20 under the low
 * limit) instead.
 */
class ImportBenchmark extends LedgerBridgeDeployment {

  private static final String DB = System.getProperty("it.db", "h2");
  private static final int DOCUMENTS = Integer.getInteger("bench.import.documents", 10_000);
  private static final int CHANGED = DOCUMENTS / 10;
  private static final int BOUND = DOCUMENTS * 3 / 20;
  private static final int CONTACTS = 5;
  private static final int LIMIT = 60;
  private static final int LOW_LIMIT = 3;
  private static final String ORG = ImportFixture.ORG;

  private final StringBuilder report = new StringBuilder();

  @Test
  void importsTenThousandSalesAndReimportsAThousandChanged() throws Exception {
    Duration window =
        Duration.ofSeconds(
            Long.parseLong(
                System.getenv().getOrDefault("LEDGERBRIDGE_SANDBOX_MINUTE_WINDOW_SECONDS", "60")));
    ImportFixture fx = new ImportFixture(client).ready();
    String prefix = TestTransactions.uniqueId("IB").substring(0, 9);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      ids.add(prefix + "-" + i);
    }
    List<String> bound = new ArrayList<>();
    for (int i = DOCUMENTS; i < DOCUMENTS + BOUND; i++) {
      bound.add(prefix + "-" + i);
    }
    String[] contacts = new String[CONTACTS];
    for (int c = 0; c < CONTACTS; c++) {
      contacts[c] = prefix + "-C" + c;
    }
    String load = load();

    // Set-up, not part of any figure: the sales through the intake API, then the contacts linked.
    long intakeStart = System.nanoTime();
    intake(fx, ids, contacts, 1);
    intake(fx, bound, contacts, 1);
    double intakeSeconds = (System.nanoTime() - intakeStart) / 1e9;
    for (String code : contacts) {
      fx.link(code);
    }

    long pid = payaraPid();
    List<Row> rows = new ArrayList<>();
    faults("{\"minuteLimit\":" + LIMIT + "}");
    try {
      // A: one run imports them all.
      Row a = phase(pid, "A: import " + count(DOCUMENTS) + " sales", LIMIT, ids);
      rows.add(a);
      Map<String, String> xeroIds = outcomes(a.run, "IMPORTED", DOCUMENTS);
      Map<String, List<JsonObject>> inXero = inXero(prefix);
      assertEquals(DOCUMENTS, inXero.size(), "documents in the sandbox");
      for (String id : ids) {
        List<JsonObject> docs = inXero.get("N-" + id);
        assertTrue(docs != null && docs.size() == 1, () -> id + " in the sandbox: " + docs);
        assertEquals(xeroIds.get(id), docs.get(0).getString("InvoiceID"), id);
        assertEquals("DRAFT", docs.get(0).getString("Status"), id);
      }

      // B: every tenth changed (version 2, other lines), one run re-imports them.
      List<String> changed = new ArrayList<>();
      for (int i = 0; i < DOCUMENTS; i += DOCUMENTS / CHANGED) {
        changed.add(ids.get(i));
      }
      intake(fx, changed, contacts, 2);
      Row b = phase(pid, "B: re-import " + count(CHANGED) + " changed", LIMIT, changed);
      rows.add(b);
      Map<String, String> updated = outcomes(b.run, "UPDATED", CHANGED);
      inXero = inXero(prefix);
      assertEquals(DOCUMENTS, inXero.size(), "documents in the sandbox after the re-import");
      BigDecimal total = total(changed.get(0), contacts, 2);
      for (String id : changed) {
        assertEquals(xeroIds.get(id), updated.get(id), id + " updated in place");
        List<JsonObject> docs = inXero.get("N-" + id);
        assertEquals(1, docs.size(), id);
        assertEquals(0, total.compareTo(docs.get(0).getJsonNumber("Total").bigDecimalValue()), id);
        assertEquals(2, docs.get(0).getJsonArray("LineItems").size(), id);
      }

      // C: more sales under a limit that binds.
      faults("{\"minuteLimit\":" + LOW_LIMIT + "}");
      Row c = phase(pid, "C: import " + count(BOUND) + ", limit binding", LOW_LIMIT, bound);
      rows.add(c);
      Map<String, String> boundIds = outcomes(c.run, "IMPORTED", BOUND);
      inXero = inXero(prefix);
      assertEquals(DOCUMENTS + BOUND, inXero.size(), "documents in the sandbox at the end");
      for (String id : bound) {
        List<JsonObject> docs = inXero.get("N-" + id);
        assertTrue(docs != null && docs.size() == 1, () -> id + " in the sandbox: " + docs);
        assertEquals(boundIds.get(id), docs.get(0).getString("InvoiceID"), id);
      }
    } finally {
      faults("{\"minuteLimit\":null}");
    }

    String machine =
        Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + ", "
            + LocalDate.now()
            + "; load average "
            + load
            + " before, "
            + load()
            + " after";
    line("### Import (" + DB + ", minute window scaled to " + window.toSeconds() + " s)");
    line("");
    line(machine + ".");
    line(
        String.format(
            Locale.ROOT,
            "Set-up, not measured: %s sales (2 lines each, %d contacts) sent through the intake"
                + " API in requests of 500 in %.1f s.",
            count(DOCUMENTS + BOUND),
            CONTACTS,
            intakeSeconds));
    line("");
    line(
        "| phase | limit per window (ceiling) | wall time (start) | windows | documents per"
            + " window | share of ceiling | API calls | calls per document | 429s | in Xero calls"
            + " | LedgerBridge's own time | own ms per document | heap used: before / peak /"
            + " after |");
    line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Row row : rows) {
      double windows = (double) row.wallMillis / window.toMillis();
      double perWindow = row.documents / windows;
      long own = row.ownMillis;
      line(
          String.format(
              Locale.ROOT,
              "| %s | %d (%s) | %.1f s (%.1f s) | %.1f | %.0f | %.1f %% | %d (%s) | %.3f | %d |"
                  + " %.1f s | %.1f s | %.2f | %s / %s / %s MB |",
              row.name,
              row.limit,
              count(row.limit * 50),
              row.wallMillis / 1000.0,
              row.startMillis / 1000.0,
              windows,
              perWindow,
              100 * perWindow / (row.limit * 50.0),
              row.apiCalls,
              row.clientCalls,
              (double) row.apiCalls / row.documents,
              row.rateLimited,
              row.xeroMillis / 1000.0,
              own / 1000.0,
              (double) own / row.documents,
              mb(row.heapBefore),
              mb(row.heapPeak),
              mb(row.heapAfter)));
    }
    line("");
    line(
        "Wall time: from POST /api/v1/import-runs to the run's finishedAt; start: until its 202,"
            + " which comes once the run and its items are stored. In Xero calls: the run's"
            + " xeroMillis, the time its batches spent inside calls to Xero (the sandbox's answer"
            + " and any wait for its limit), summed over the batches in progress at once."
            + " LedgerBridge's own time: the run's ownMillis, the time its batches spent outside"
            + " calls to Xero (claiming, mapping, recording), summed the same way. API calls: the run's"
            + " apiCalls (in brackets the app's calls by endpoint in that time, from POST"
            + " /api/v1/xero/connection-test; 429s from the same). Heap: the Payara Micro JVM's"
            + " used heap by jstat -gc, right after a full GC before the run, the highest 1-s"
            + " sample during it, and after a full GC (jcmd GC.run) once it was done."
            + ("postgres".equals(DB)
                ? " PostgreSQL: ANALYZE before each phase, 2 s into it and every 20 s, standing in"
                    + " for autovacuum (off on the test server), which on a run of several minutes"
                    + " against Xero's real minute would gather statistics within the first."
                : ""));
    String text = report.toString();
    System.out.println(text);
    Files.writeString(
        Path.of(System.getProperty("it.buildDir", "target"), "benchmark-import-" + DB + ".md"),
        text);
  }

  // ---- one phase ------------------------------------------------------------------------------

  private static final class Row {
    String name;
    int limit;
    int documents;
    long startMillis;
    JsonObject run;
    long wallMillis;
    long xeroMillis;
    long ownMillis;
    int apiCalls;
    String clientCalls;
    long rateLimited;
    long heapBefore;
    long heapPeak;
    long heapAfter;
  }

  private Row phase(long pid, String name, int limit, List<String> ids) throws Exception {
    analyze();
    Row row = new Row();
    row.name = name;
    row.limit = limit;
    row.documents = ids.size();
    row.heapBefore = heapAfterGc(pid);
    JsonObject usageBefore = usage();
    try (HeapSampler heap = new HeapSampler(pid)) {
      Instant start = Instant.now();
      JsonArrayBuilder sourceIds = Json.createArrayBuilder();
      ids.forEach(sourceIds::add);
      HttpResponse<String> started =
          client.as(
              "accountant",
              "POST",
              "api/v1/import-runs",
              Json.createObjectBuilder()
                  .add("kind", "SALE")
                  .add("sourceIds", sourceIds)
                  .build()
                  .toString());
      assertStatus(202, started);
      row.startMillis = Duration.between(start, Instant.now()).toMillis();
      long runId = json(started).getJsonNumber("id").longValue();
      JsonObject run = await(runId);
      row.run = run;
      row.wallMillis =
          Duration.between(start, Instant.parse(run.getString("finishedAt"))).toMillis();
      row.xeroMillis = run.getJsonNumber("xeroMillis").longValue();
      row.ownMillis = run.getJsonNumber("ownMillis").longValue();
      row.apiCalls = run.getInt("apiCalls");
      row.heapPeak = heap.peak();
    }
    JsonObject usageAfter = usage();
    row.heapAfter = heapAfterGc(pid);
    row.rateLimited =
        usageAfter.getJsonNumber("rateLimited").longValue()
            - usageBefore.getJsonNumber("rateLimited").longValue();
    List<String> calls = new ArrayList<>();
    JsonObject before = usageBefore.getJsonObject("callsByEndpoint");
    usageAfter
        .getJsonObject("callsByEndpoint")
        .forEach(
            (endpoint, n) -> {
              long delta =
                  Long.parseLong(n.toString())
                      - (before.containsKey(endpoint)
                          ? Long.parseLong(before.get(endpoint).toString())
                          : 0);
              if (delta > 0 && endpoint.contains("Invoices")) {
                calls.add(delta + " " + endpoint);
              }
            });
    row.clientCalls = String.join(", ", calls);
    return row;
  }

  /**
   * Waits for the run to finish, printing progress every half minute (on PostgreSQL gathering
   * statistics 2 s in, once the run's items are stored, and every 20 s).
   */
  private JsonObject await(long runId) throws SQLException {
    Instant until = Instant.now().plus(Duration.ofHours(2));
    Instant nextNote = Instant.now().plusSeconds(30);
    Instant nextAnalyze = Instant.now().plusSeconds(2);
    while (true) {
      if (Instant.now().isAfter(nextAnalyze)) {
        analyze();
        nextAnalyze = Instant.now().plusSeconds(20);
      }
      HttpResponse<String> response =
          client.as("viewer", "GET", "api/v1/import-runs/" + runId + "?limit=1", null);
      assertStatus(200, response);
      JsonObject run = json(response);
      if (run.getString("status").equals("DONE")) {
        return run;
      }
      if (Instant.now().isAfter(nextNote)) {
        System.out.println("Import run " + runId + ": " + run.getJsonObject("counts"));
        nextNote = Instant.now().plusSeconds(30);
      }
      if (Instant.now().isAfter(until)) {
        fail("Run " + runId + " not done after two hours: " + run);
      }
      sleep(1000);
    }
  }

  /** The run's Xero ids by source id; every document must have {@code outcome}. */
  private Map<String, String> outcomes(JsonObject run, String outcome, int expected) {
    JsonObject counts = run.getJsonObject("counts");
    assertEquals(expected, counts.getInt("total"), counts::toString);
    assertEquals(
        expected, counts.getInt(outcome.equals("IMPORTED") ? "imported" : "updated"), () -> "");
    Map<String, String> out = new HashMap<>();
    for (int offset = 0; offset < expected; offset += 10_000) {
      HttpResponse<String> page =
          client.as(
              "viewer",
              "GET",
              "api/v1/import-runs/" + run.getInt("id") + "?offset=" + offset + "&limit=10000",
              null);
      assertStatus(200, page);
      for (JsonObject d : json(page).getJsonArray("documents").getValuesAs(JsonObject.class)) {
        assertEquals(outcome, d.getString("outcome"), d::toString);
        out.put(d.getString("sourceId"), d.getString("xeroId"));
      }
    }
    assertEquals(expected, out.size());
    return out;
  }

  // ---- set-up ---------------------------------------------------------------------------------

  private static void intake(ImportFixture fx, List<String> ids, String[] contacts, long version) {
    for (int from = 0; from < ids.size(); from += 500) {
      List<JsonObject> batch = new ArrayList<>();
      for (String id : ids.subList(from, Math.min(ids.size(), from + 500))) {
        batch.add(sale(id, contacts, version));
      }
      fx.intake(batch.toArray(JsonObject[]::new));
    }
  }

  /** Version 1: 3 × 3.35 and 1 × 20.00; version 2: 4 × 3.35 and 2 × 9.99. */
  private static JsonObject sale(String id, String[] contacts, long version) {
    int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    String date = LocalDate.of(2026, 10, 1).plusDays(n % 28).toString();
    return version == 1
        ? ImportFixture.document(
            "SALE",
            id,
            1,
            contacts[n % contacts.length],
            date,
            new String[] {"3", "3.35"},
            new String[] {"1", "20.00"})
        : ImportFixture.document(
            "SALE",
            id,
            version,
            contacts[n % contacts.length],
            date,
            new String[] {"4", "3.35"},
            new String[] {"2", "9.99"});
  }

  private static BigDecimal total(String id, String[] contacts, long version) {
    return sale(id, contacts, version).getJsonNumber("total").bigDecimalValue();
  }

  // ---- the sandbox and the app's Xero usage ---------------------------------------------------

  /** The demo organisation's invoices numbered N-{prefix}-…, by number (deleted ones included). */
  private Map<String, List<JsonObject>> inXero(String prefix) {
    HttpResponse<String> all =
        client.asAdmin("GET", "api/v1/sandbox/organisations/" + ORG + "/invoices", null);
    assertStatus(200, all);
    Map<String, List<JsonObject>> out = new HashMap<>();
    for (JsonObject item : json(all).getJsonArray("items").getValuesAs(JsonObject.class)) {
      JsonObject doc = item.getJsonObject("document");
      String number = doc.getString("InvoiceNumber", "");
      if (number.startsWith("N-" + prefix + "-")) {
        out.computeIfAbsent(number, k -> new ArrayList<>()).add(doc);
      }
    }
    return out;
  }

  private void faults(String json) {
    assertStatus(
        200, client.asAdmin("PUT", "api/v1/sandbox/organisations/" + ORG + "/faults", json));
  }

  /** The app's own count of its Xero calls (this node, since it started). */
  private JsonObject usage() {
    HttpResponse<String> test = client.asAdmin("POST", "api/v1/xero/connection-test", null);
    assertStatus(200, test);
    return json(test);
  }

  /**
   * PostgreSQL: statistics for the planner, as autovacuum would gather them (the test server runs
   * with autovacuum off; without statistics, or with those of the tables before the run filled
   * them, it picks indexes badly).
   */
  private static void analyze() throws SQLException {
    if (!"postgres".equals(DB)) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/"
                    + System.getProperty("it.pg.database", "ledgerbridge_bench")
                    + "?user=postgres");
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  // ---- the server's heap ----------------------------------------------------------------------

  /** The Payara Micro that Arquillian started: a child process of this JVM. */
  private static long payaraPid() {
    Optional<ProcessHandle> payara =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .findFirst();
    return payara.orElseThrow(() -> new IllegalStateException("no Payara Micro child")).pid();
  }

  /** Used heap in bytes right after a full GC. */
  private static long heapAfterGc(long pid) throws IOException, InterruptedException {
    run("jcmd", String.valueOf(pid), "GC.run");
    List<String> lines = run("jstat", "-gc", String.valueOf(pid));
    int header = lines.size() - 2; // after any "Picked up JAVA_TOOL_OPTIONS" line
    return used(lines.get(header), lines.get(header + 1));
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      lines = out.lines().toList();
    }
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + lines);
    }
    return lines;
  }

  /** jstat -gc: survivor, eden and old space used (KB), in bytes. */
  static long used(String header, String values) {
    List<String> names = Arrays.asList(header.trim().split("\\s+"));
    String[] v = values.trim().split("\\s+");
    double kb = 0;
    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
      kb += Double.parseDouble(v[names.indexOf(column)]);
    }
    return (long) (kb * 1024);
  }

  /** Samples the server's used heap every second (jstat -gc pid 1000) until closed. */
  private static final class HeapSampler implements AutoCloseable {
    private final Process jstat;
    private final Thread reader;
    private volatile long peak;

    HeapSampler(long pid) throws IOException {
      jstat =
          new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "1000")
              .redirectErrorStream(true)
              .start();
      reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                  String header = null;
                  for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.trim().startsWith("S0C")) {
                      header = l;
                    } else if (header != null) {
                      peak = Math.max(peak, used(header, l));
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              "heap-sampler");
      reader.setDaemon(true);
      reader.start();
    }

    long peak() {
      return peak;
    }

    @Override
    public void close() throws InterruptedException {
      jstat.destroy();
      reader.join(5000);
    }
  }

  // ---- report ---------------------------------------------------------------------------------

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String mb(long bytes) {
    return String.valueOf(Math.round(bytes / 1024.0 / 1024.0));
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private void line(String text) {
    report.append(text).append('\n');
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
