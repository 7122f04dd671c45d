package io.ledgerbridge.benchmark;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The README's intake load benchmark, not a timed test: 20 inventory-system clients post sales to
 * the intake API at once, each as fast as it gets answers, for 60 s, while a signed-in user reads
 * the invoice list. Every fifth request of a client is the previous request of its neighbour again
 * as version 2 (other quantities), so clients also meet each other's rows. Figures (items/s,
 * request and page latency p50/p95/max) go to the console and {@code
 * target/benchmark-load-<db>.md}. It asserts only the work: every answer 200, nothing refused,
 * every acknowledged transaction stored once with the highest acknowledged version (lost = 0,
 * duplicates = 0).
 *
 * <p>{@code -Dbench.load.clients=20 -Dbench.load.seconds=60 -Dbench.load.batch=100} change the
 * load.
 */
class IntakeLoadBenchmark extends LedgerBridgeDeployment {

  private static final String DB = System.getProperty("it.db", "h2");
  private static final int CLIENTS = Integer.getInteger("bench.load.clients", 20);
  private static final int SECONDS = Integer.getInteger("bench.load.seconds", 60);
  private static final int BATCH = Integer.getInteger("bench.load.batch", 100);
  private static final String BRANCH = "Load";

  /** Highest acknowledged version per source id. */
  private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

  /** Each client's last acknowledged request, for its neighbour to send again as version 2. */
  private final List<AtomicReference<List<Integer>>> lastRequest = new ArrayList<>();

  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  @Test
  void twentyClientsForAMinute() throws Exception {
    for (int c = 0; c < CLIENTS; c++) {
      lastRequest.add(new AtomicReference<>(List.of()));
    }
    // Warm-up, not measured: a few requests so the first measured ones do not pay for class
    // loading and the JIT.
    for (int i = 0; i < 5; i++) {
      post(client, ids(-1, i), 1);
    }
    acknowledged.clear();

    LedgerBridgeClient reader = new LedgerBridgeClient(base);
    reader.signIn("viewer", "viewer");
    long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<List<Long>>> senders = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int clientNumber = c;
      LedgerBridgeClient own = new LedgerBridgeClient(base);
      senders.add(pool.submit(() -> sender(own, clientNumber, deadline)));
    }
    Future<List<Long>> pages = pool.submit(() -> pageReader(reader, deadline));
    List<Long> latencies = new ArrayList<>();
    for (Future<List<Long>> sender : senders) {
      latencies.addAll(sender.get());
    }
    List<Long> pageLatencies = pages.get();
    double wall = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    long items = (long) latencies.size() * BATCH;
    Stored stored = stored();
    long lost = 0;
    long wrongVersion = 0;
    for (Map.Entry<String, Integer> entry : acknowledged.entrySet()) {
      Integer version = stored.versions.get(entry.getKey());
      if (version == null) {
        lost++;
      } else if (version < entry.getValue()) {
        wrongVersion++;
      }
    }
    long duplicates = stored.rows - stored.versions.size();

    String report =
        String.join(
            "\n",
            "### Intake under load (" + DB + ")",
            "",
            Runtime.getRuntime().availableProcessors()
                + " cores, Java "
                + System.getProperty("java.version")
                + ", "
                + LocalDate.now()
                + "; load average "
                + load()
                + " at the end.",
            "",
            String.format(
                Locale.ROOT,
                "%d clients × %.0f s, requests of %d sales (3 lines each; every fifth an update of"
                    + " another client's last request), one signed-in user reading the first page"
                    + " of invoices meanwhile.",
                CLIENTS,
                wall,
                BATCH),
            "",
            "| requests | items | items/s | request p50 | p95 | max | page reads | page p50 | p95"
                + " | lost | duplicates | older version kept | refused |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            String.format(
                Locale.ROOT,
                "| %d | %d | %.0f | %d ms | %d ms | %d ms | %d | %d ms | %d ms | %d | %d | %d | %d |",
                latencies.size(),
                items,
                items / wall,
                percentile(latencies, 50),
                percentile(latencies, 95),
                percentile(latencies, 100),
                pageLatencies.size(),
                percentile(pageLatencies, 50),
                percentile(pageLatencies, 95),
                lost,
                duplicates,
                wrongVersion,
                rejected.get() + failedRequests.get()),
            "");
    System.out.println(report);
    Files.writeString(
        Path.of(System.getProperty("it.buildDir", "target"), "benchmark-load-" + DB + ".md"),
        report);

    assertEquals(0, failedRequests.get(), () -> "requests not answered 200: " + firstFailure);
    assertEquals(0, rejected.get(), () -> "items refused: " + firstFailure);
    assertTrue(acknowledged.size() > 0, "something was sent");
    assertEquals(0, lost, "acknowledged but not stored");
    assertEquals(0, duplicates, "stored twice");
    assertEquals(0, wrongVersion, "an older version kept after a newer was acknowledged");
  }

  /** One client: requests back to back until the deadline; returns each request's latency (ns). */
  private List<Long> sender(LedgerBridgeClient http, int clientNumber, long deadline) {
    List<Long> latencies = new ArrayList<>();
    for (int request = 0; System.nanoTime() < deadline; request++) {
      List<Integer> numbers;
      int version;
      if (request % 5 == 4 && !lastRequest.get((clientNumber + 1) % CLIENTS).get().isEmpty()) {
        numbers = lastRequest.get((clientNumber + 1) % CLIENTS).get();
        version = 2;
      } else {
        numbers = ids(clientNumber, request);
        version = 1;
      }
      long start = System.nanoTime();
      boolean ok = post(http, numbers, version);
      latencies.add(System.nanoTime() - start);
      if (ok && version == 1) {
        lastRequest.get(clientNumber).set(numbers);
      }
    }
    return latencies;
  }

  private List<Long> pageReader(LedgerBridgeClient http, long deadline) {
    List<Long> latencies = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      long start = System.nanoTime();
      HttpResponse<String> page = http.get("transactions/list.xhtml?kind=sale");
      latencies.add(System.nanoTime() - start);
      if (page.statusCode() != 200 || !page.body().contains(" of ")) {
        failedRequests.incrementAndGet();
        firstFailure.compareAndSet(null, "list page " + page.statusCode());
      }
    }
    return latencies;
  }

  /** Transaction numbers of a client's request: client × 10^7 + request × batch + i. */
  private static List<Integer> ids(int clientNumber, int request) {
    List<Integer> numbers = new ArrayList<>(BATCH);
    int first = (clientNumber + 1) * 10_000_000 + request * BATCH;
    for (int i = 0; i < BATCH; i++) {
      numbers.add(first + i);
    }
    return numbers;
  }

  private boolean post(LedgerBridgeClient http, List<Integer> numbers, int version) {
    StringBuilder body = new StringBuilder(BATCH * 700).append("{\"transactions\":[");
    for (int i = 0; i < numbers.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(sale(numbers.get(i), version));
    }
    body.append("]}");
    HttpResponse<String> response =
        http.send(
            http.request(LedgerBridgeClient.INTAKE)
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", LedgerBridgeClient.bearer(LedgerBridgeClient.DEMO_TOKEN))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    if (response.statusCode() != 200) {
      failedRequests.incrementAndGet();
      firstFailure.compareAndSet(null, response.statusCode() + " " + response.body());
      return false;
    }
    var results = json(response).getJsonArray("results");
    for (JsonValue value : results) {
      JsonObject result = value.asJsonObject();
      String outcome = result.getString("outcome");
      if (outcome.equals("REJECTED")) {
        rejected.incrementAndGet();
        firstFailure.compareAndSet(null, result.toString());
      } else {
        acknowledged.merge(result.getString("sourceId"), version, Math::max);
      }
    }
    return true;
  }

  private static String sale(int n, int version) {
    LocalDate date = LocalDate.of(2026, 1, 1).plusDays(n % 330);
    int quantity = version == 1 ? 2 : 3;
    return "{\"kind\":\"SALE\",\"sourceId\":\"LOAD-"
        + n
        + "\",\"version\":"
        + version
        + ",\"number\":\"L-"
        + n
        + "\",\"reference\":\"Order "
        + n
        + "\",\"contact\":{\"code\":\"CUS-"
        + (n % 400)
        + "\",\"name\":\"Customer "
        + (n % 400)
        + " Ltd\",\"email\":\"c"
        + (n % 400)
        + "@example.nz\"},\"date\":\""
        + date
        + "\",\"dueDate\":\""
        + date.plusDays(20)
        + "\",\"currency\":\"NZD\",\"branch\":\""
        + BRANCH
        + "\",\"channel\":\"POS\",\"pricesIncludeTax\":true,\"lines\":["
        + "{\"sku\":\"WID-"
        + (n % 50)
        + "\",\"description\":\"Widget\",\"quantity\":"
        + quantity
        + ",\"unitPrice\":12.50,\"taxCode\":\"GST\",\"unitCost\":5.10},"
        + "{\"sku\":\"GAD-1\",\"description\":\"Gadget\",\"quantity\":1,\"unitPrice\":89.00,"
        + "\"taxCode\":\"GST\",\"unitCost\":41.25},"
        + "{\"sku\":\"CAB-1\",\"description\":\"Cable\",\"quantity\":3,\"unitPrice\":19.95,"
        + "\"discountPercent\":10,\"taxCode\":\"GST\"}],\"total\":"
        + (version == 1 ? "167.87" : "180.37")
        + "}";
  }

  private record Stored(long rows, Map<String, Integer> versions) {}

  /**
   * Every stored transaction of the load's branch, read through the list API a day at a time (the
   * sales spread over 330 days of 2026), 500 per page.
   */
  private Stored stored() {
    Map<String, Integer> versions = new HashMap<>();
    long rows = 0;
    for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
      for (int page = 1; ; page++) {
        HttpResponse<String> response =
            client.getAsViewer(
                LedgerBridgeClient.INTAKE
                    + LedgerBridgeClient.query(
                        "kind",
                        "SALE",
                        "branch",
                        BRANCH,
                        "from",
                        day.toString(),
                        "to",
                        day.toString(),
                        "size",
                        "500",
                        "page",
                        String.valueOf(page)));
        assertStatus(200, response);
        var items = json(response).getJsonArray("items");
        for (JsonValue value : items) {
          JsonObject item = value.asJsonObject();
          rows++;
          versions.merge(item.getString("sourceId"), item.getInt("version"), Math::max);
        }
        if (items.size() < 500) {
          break;
        }
      }
    }
    return new Stored(rows, versions);
  }

  private static long percentile(List<Long> nanos, int percent) {
    if (nanos.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1);
    return sorted.get(index) / 1_000_000;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
