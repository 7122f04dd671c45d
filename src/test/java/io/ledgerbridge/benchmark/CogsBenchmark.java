package io.ledgerbridge.benchmark;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The README's COGS benchmark, not a timed test (issue 12 §6): a month of 100,000 sale lines
 * (10,000 sales × 10 lines, costs at 4–6 dp, three tracked locations) through the intake API, then
 * the month's COGS computed by {@code GET /api/v1/inventory/cogs} (five times; the median and the
 * slowest are reported) and imported by {@code POST /api/v1/inventory/cogs/import}: wall time, and
 * the calls the run used — one per month, not per sale. Reports to the console and {@code
 * target/benchmark-cogs-<db>.md}. It asserts only that the work was right: one journal in the
 * sandbox whose lines are the exact sums per location rounded once.
 *
 * <p>{@code -Dbench.cogs.sales=N} runs it with N sales instead.
 */
class CogsBenchmark extends LedgerBridgeDeployment {

  private static final String DB = System.getProperty("it.db", "h2");
  private static final int SALES = Integer.getInteger("bench.cogs.sales", 10_000);
  private static final int LINES = 10;
  private static final String[] BRANCHES = {"AKL", "WLG", "CHC"};

  @Test
  void cogsOfAMonthOfOneHundredThousandSaleLines() throws Exception {
    ImportFixture fx = new ImportFixture(client).ready();
    fx.patchSettings(
        "{\"accountingMethod\":\"PERPETUAL\",\"accounts\":{\"inventory\":\"635\",\"cogs\":\"310\"},"
            + "\"tracking\":{\"Region\":{\"sourceField\":\"branch\",\"options\":"
            + "{\"AKL\":\"Auckland\",\"WLG\":\"Wellington\",\"CHC\":\"Christchurch\"}}}}");
    YearMonth month = YearMonth.of(2150 + new Random().nextInt(40), 1 + new Random().nextInt(12));
    String prefix = TestTransactions.uniqueId("CB").substring(0, 9);
    Random random = new Random(7);
    Map<String, BigDecimal> exact = new HashMap<>();
    List<JsonObject> batch = new ArrayList<>();
    long intakeStart = System.nanoTime();
    for (int s = 0; s < SALES; s++) {
      String branch = BRANCHES[s % BRANCHES.length];
      JsonArrayBuilder lines = Json.createArrayBuilder();
      for (int l = 0; l < LINES; l++) {
        BigDecimal cost = BigDecimal.valueOf(random.nextInt(9_000_000), 4 + random.nextInt(3));
        exact.merge(branch, cost, BigDecimal::add);
        lines.add(
            Json.createObjectBuilder()
                .add("sku", "SKU-" + l)
                .add("quantity", BigDecimal.ONE)
                .add("unitPrice", new BigDecimal("10.00"))
                .add("costAmount", cost));
      }
      batch.add(
          Json.createObjectBuilder()
              .add("kind", "SALE")
              .add("sourceId", prefix + "-" + s)
              .add("version", 1)
              .add("number", prefix + "-" + s)
              .add("contact", Json.createObjectBuilder().add("code", "C-1").add("name", "Acme"))
              .add("date", month.atDay(1 + s % 28).toString())
              .add("currency", "NZD")
              .add("branch", branch)
              .add("lines", lines)
              .add("total", new BigDecimal("115.00"))
              .build());
      if (batch.size() == 500) {
        fx.intake(batch.toArray(JsonObject[]::new));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      fx.intake(batch.toArray(JsonObject[]::new));
    }
    double intakeSeconds = (System.nanoTime() - intakeStart) / 1e9;

    // The month's COGS computed, as the page and the API do it.
    String path = "api/v1/inventory/cogs?from=" + month + "&to=" + month;
    long[] millis = new long[5];
    JsonObject view = null;
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      HttpResponse<String> months = client.as("viewer", "GET", path, null);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      assertStatus(200, months);
      view = json(months).getJsonArray("months").getJsonObject(0);
    }
    assertEquals(SALES, view.getInt("sales"), view::toString);
    Arrays.sort(millis);

    // One import run for the month.
    long importStart = System.nanoTime();
    HttpResponse<String> started =
        client.as(
            "accountant",
            "POST",
            "api/v1/inventory/cogs/import",
            "{\"from\":\"" + month + "\",\"to\":\"" + month + "\"}");
    assertStatus(202, started);
    JsonObject run = fx.await(json(started).getInt("id"));
    double importSeconds = (System.nanoTime() - importStart) / 1e9;
    int calls = run.getInt("apiCalls");

    List<JsonObject> journals = fx.journalsInXero("[LedgerBridge COGS " + month + " ");
    assertEquals(1, journals.size(), journals::toString);
    Map<String, String> option =
        Map.of("AKL", "Auckland", "WLG", "Wellington", "CHC", "Christchurch");
    List<String> expected = new ArrayList<>();
    for (String b : BRANCHES) {
      expected.add("310 " + exact.get(b).setScale(2, RoundingMode.HALF_UP) + " " + option.get(b));
    }
    for (String b : BRANCHES) {
      expected.add(
          "635 " + exact.get(b).setScale(2, RoundingMode.HALF_UP).negate() + " " + option.get(b));
    }
    List<String> got = new ArrayList<>();
    for (JsonObject line :
        journals.get(0).getJsonArray("JournalLines").getValuesAs(JsonObject.class)) {
      got.add(
          line.getString("AccountCode")
              + " "
              + line.getJsonNumber("LineAmount").bigDecimalValue().toPlainString()
              + " "
              + line.getJsonArray("Tracking").getJsonObject(0).getString("Option"));
    }
    assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList());

    String report =
        String.format(
            Locale.ROOT,
            "# COGS benchmark (%s)%n%n"
                + "| what | figure |%n|---|---:|%n"
                + "| sale lines in the month | %,d (%,d sales × %d) |%n"
                + "| intake of them (set-up, through the API) | %.1f s |%n"
                + "| COGS computed (GET /inventory/cogs), median of 5 | %,d ms |%n"
                + "| COGS computed, slowest of 5 | %,d ms |%n"
                + "| import run for the month, wall | %.2f s |%n"
                + "| Xero calls the run used | %d |%n"
                + "| journals in the sandbox | %d (%d lines) |%n",
            DB,
            SALES * LINES,
            SALES,
            LINES,
            intakeSeconds,
            millis[millis.length / 2],
            millis[millis.length - 1],
            importSeconds,
            calls,
            journals.size(),
            got.size());
    System.out.println(report);
    Files.writeString(
        Path.of(System.getProperty("it.buildDir", "target"), "benchmark-cogs-" + DB + ".md"),
        report);
    fx.patchSettings("{\"tracking\":{\"Region\":null}}");
  }
}
