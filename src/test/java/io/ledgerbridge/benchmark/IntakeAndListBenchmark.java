package io.ledgerbridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's benchmark, not a timed test: intake throughput for 10,000 transactions sent in
 * requests of 500, then list-page response times with 100,000 stored transactions (first page, a
 * filtered page, page 1,000). Run with {@code mvn verify -Pbenchmark}; figures go to the console
 * and to {@code target/benchmark-<db>.md}. It asserts only that the work was done (every item
 * stored, every page 200), never a time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntakeAndListBenchmark {

  private static final String DB = System.getProperty("it.db", "h2");
  private static final String PG_DATABASE =
      System.getProperty("it.pg.database", "ledgerbridge_bench");
  private static final int WARM_UP = 3;
  private static final int SAMPLES = 15;

  static {
    if ("postgres".equals(DB)) {
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + PG_DATABASE);
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed", e);
      }
    }
  }

  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @ArquillianResource private URL base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final StringBuilder report = new StringBuilder();

  @Test
  void intakeThroughputAndListPages() throws Exception {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    line("# LedgerBridge benchmark (" + DB + ")");
    line("");
    line(
        "Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + ", "
            + LocalDate.now());
    line("");

    // 1. Intake: 10,000 sales of 3 lines each in 20 requests of 500.
    long start = System.nanoTime();
    int stored = send(root, 0, 10_000, 500);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(10_000, stored);
    line("## Intake");
    line("");
    line(
        String.format(
            Locale.ROOT,
            "- 10,000 transactions (3 lines each) in 20 requests of 500: **%.1f s, %.0f transactions/s**, %.0f ms per request",
            seconds,
            10_000 / seconds,
            seconds * 1000 / 20));

    // The same 10,000 again: every one UNCHANGED (the retry path).
    start = System.nanoTime();
    send(root, 0, 10_000, 500);
    seconds = (System.nanoTime() - start) / 1e9;
    line(
        String.format(
            Locale.ROOT,
            "- the same 10,000 again (all UNCHANGED, a sender's retry): %.1f s, %.0f transactions/s",
            seconds,
            10_000 / seconds));

    // 2. Fill up to 100,000 (80,000 sales; the rest other kinds), in requests of 1,000.
    start = System.nanoTime();
    send(root, 10_000, 90_000, 1000);
    seconds = (System.nanoTime() - start) / 1e9;
    line(
        String.format(
            Locale.ROOT,
            "- 90,000 more in requests of 1,000 (to reach 100,000 stored): %.1f s, %.0f transactions/s",
            seconds,
            90_000 / seconds));
    line("");

    // 3. List pages as a signed-in user.
    login(root);
    String list = root + "transactions/list.xhtml?kind=sale";
    line("## List pages with 100,000 stored transactions (80,000 invoices)");
    line("");
    line(
        "Median and 90th percentile of "
            + SAMPLES
            + " requests after "
            + WARM_UP
            + " warm-up requests, full HTML page, one user:");
    line("");
    line("| page | median ms | p90 ms |");
    line("|---|---:|---:|");
    time("first page of invoices", list, "1–50 of ");
    time(
        "filtered: branch + date range + text",
        list
            + "&branch=Wellington&from=2026-01-01&to=2026-06-30&q="
            + URLEncoder.encode("customer 1", StandardCharsets.UTF_8),
        " of ");
    time("filtered by state", list + "&state=NOT_IMPORTED", "1–50 of ");
    time("page 1,000 (rows 49,951–50,000)", list + "&page=1000", "49951–50000 of ");
    time("sorted by total, page 500", list + "&sort=-total&page=500", " of ");
    time(
        "REST API: GET /api/v1/transactions?kind=SALE&page=1000",
        root + "api/v1/transactions?kind=SALE&page=1000&size=50",
        "\"page\":1000");
    line("");
    String text = report.toString();
    System.out.println(text);
    Path out = Path.of(System.getProperty("it.buildDir", "target"), "benchmark-" + DB + ".md");
    Files.writeString(out, text);
  }

  private int send(String root, int from, int count, int perRequest) throws Exception {
    int stored = 0;
    for (int offset = from; offset < from + count; offset += perRequest) {
      StringBuilder body = new StringBuilder("{\"transactions\":[");
      for (int i = offset; i < Math.min(from + count, offset + perRequest); i++) {
        if (i > offset) {
          body.append(',');
        }
        body.append(transaction(i));
      }
      body.append("]}");
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(root + "api/v1/transactions"))
                  .header("Authorization", "Bearer demo-integration-token")
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofMinutes(5))
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      stored +=
          count(response.body(), "\"outcome\":\"CREATED\"")
              + count(response.body(), "\"outcome\":\"UPDATED\"")
              + count(response.body(), "\"outcome\":\"UNCHANGED\"");
    }
    return stored;
  }

  /** Transaction i: 80% sales, the rest spread over the other kinds; dates over 2026. */
  private static String transaction(int i) {
    String kind = i % 10 < 8 ? "SALE" : new String[] {"PURCHASE", "CUSTOMER_CREDIT"}[i % 2];
    String[] branches = {"Auckland", "Wellington", "Christchurch"};
    LocalDate date = LocalDate.of(2026, 1, 1).plusDays(i % 330);
    return "{\"kind\":\""
        + kind
        + "\",\"sourceId\":\"BENCH-"
        + i
        + "\",\"version\":1,"
        + "\"number\":\"B-"
        + i
        + "\",\"reference\":\"Order "
        + i
        + "\","
        + "\"contact\":{\"code\":\"CUS-"
        + (i % 400)
        + "\",\"name\":\"Customer "
        + (i % 400)
        + " Ltd\",\"email\":\"c"
        + (i % 400)
        + "@example.nz\"},"
        + "\"date\":\""
        + date
        + "\",\"dueDate\":\""
        + date.plusDays(20)
        + "\",\"currency\":\"NZD\","
        + "\"branch\":\""
        + branches[i % 3]
        + "\",\"channel\":\"POS\",\"pricesIncludeTax\":true,"
        + "\"lines\":["
        + "{\"sku\":\"WID-"
        + (i % 50)
        + "\",\"description\":\"Widget\",\"quantity\":2,\"unitPrice\":12.50,\"taxCode\":\"GST\",\"unitCost\":5.10},"
        + "{\"sku\":\"GAD-1\",\"description\":\"Gadget\",\"quantity\":1,\"unitPrice\":89.00,\"taxCode\":\"GST\",\"unitCost\":41.25},"
        + "{\"sku\":\"CAB-1\",\"description\":\"Cable\",\"quantity\":3,\"unitPrice\":19.95,\"discountPercent\":10,\"taxCode\":\"GST\"}],"
        + "\"total\":"
        + (25 + 89 + 53.87)
        + "}";
  }

  private void login(String root) throws IOException, InterruptedException {
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(root + "login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher viewState =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertTrue(viewState.find(), "login page has a view state");
    String form =
        "login=login&login%3Ausername=viewer&login%3Apassword=viewer&login%3Asubmit="
            + "&jakarta.faces.ViewState="
            + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(root + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, response.statusCode(), "login redirects");
  }

  private void time(String label, String url, String expected) throws Exception {
    boolean api = url.contains("/api/");
    long[] samples = new long[SAMPLES];
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
      if (api) {
        request.header(
            "Authorization",
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString("viewer:viewer".getBytes(StandardCharsets.UTF_8)));
      }
      long start = System.nanoTime();
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - start;
      assertEquals(200, response.statusCode(), label);
      assertTrue(response.body().contains(expected), label + " shows " + expected);
      if (i >= WARM_UP) {
        samples[i - WARM_UP] = elapsed;
      }
    }
    Arrays.sort(samples);
    line(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.0f |",
            label,
            samples[SAMPLES / 2] / 1e6,
            samples[(int) Math.ceil(SAMPLES * 0.9) - 1] / 1e6));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private void line(String text) {
    report.append(text).append('\n');
  }
}
