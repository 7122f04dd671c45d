package io.ledgerbridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerbridge.xero.client.BatchResult;
import io.ledgerbridge.xero.client.SandboxTokens;
import io.ledgerbridge.xero.client.XeroApiUsage;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroClientSettings;
import io.ledgerbridge.xero.client.XeroGovernors;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.wire.Contact;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's Xero client benchmark, not a timed test: 3,000 bills written through the client to
 * the sandbox with a scaled minute window (the failsafe executions make Xero's minute 5 s), by 5
 * threads sharing one client and so one governor. Phase A gives the organisation Xero's real limit
 * of 60 calls per window; phase B a limit of 3, so that the limit rather than the sandbox's speed
 * bounds the rate. Reports documents per window as a share of the ceiling (calls per window × 50),
 * 429s and calls per document, to the console and {@code target/benchmark-xero-<db>.md}. It asserts
 * only that every document was saved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XeroClientBenchmark {

  private static final String DB = System.getProperty("it.db", "h2");
  private static final String PG_DATABASE =
      System.getProperty("it.pg.database", "ledgerbridge_bench");
  private static final String ORG = SandboxTokens.DEMO_ORG;
  private static final int THREADS = 5;

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
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final StringBuilder report = new StringBuilder();

  @Test
  void writeLoad() throws Exception {
    URI root = base.toURI();
    Duration window =
        Duration.ofSeconds(
            Long.parseLong(
                System.getenv().getOrDefault("LEDGERBRIDGE_SANDBOX_MINUTE_WINDOW_SECONDS", "60")));
    report
        .append("### Xero client write load (")
        .append(DB)
        .append(", minute window scaled to ")
        .append(window.toSeconds())
        .append(" s, ")
        .append(THREADS)
        .append(" threads, batches of 50 bills)\n\n")
        .append(
            "| phase | org limit / window | documents | time | windows | documents per window"
                + " | share of ceiling | 429s | calls | calls per document | retries |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    try {
      phase(root, window, "A: Xero's limit", 60, 3000);
      phase(root, window, "B: limit binding", 3, 1500);
    } finally {
      faults(root, "{\"minuteLimit\":null}");
    }
    report
        .append("\nCeiling = org limit × 50 documents per window. Calls include 429s and retries.")
        .append(" The client paces from X-MinLimit-Remaining and Retry-After.\n");
    String text = report.toString();
    System.out.println(text);
    Path out = Path.of(System.getProperty("it.buildDir", "target"), "benchmark-xero-" + DB + ".md");
    Files.writeString(out, text);
  }

  private void phase(URI root, Duration window, String name, int limit, int documents)
      throws Exception {
    faults(root, "{\"minuteLimit\":" + limit + "}");
    XeroClientSettings settings = XeroClientSettings.defaults().withMinuteWindow(window);
    XeroApiUsage usage = new XeroApiUsage();
    try (XeroClient xero = new XeroClient(settings, new XeroGovernors(settings), usage)) {
      XeroTarget demo = SandboxTokens.demoTarget(root, SandboxTokens.demo(root));
      String run = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
      Contact supplier = new Contact();
      supplier.name = "Bench Supplier " + run;
      String supplierId = xero.createContacts(demo, List.of(supplier)).get(0).id();
      List<List<Invoice>> batches = new ArrayList<>();
      for (int b = 0; b < documents / 50; b++) {
        List<Invoice> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          batch.add(bill(run + "-" + (b * 50 + i), supplierId));
        }
        batches.add(batch);
      }
      long callsBefore = usage.snapshot(ORG).calls();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long saved = 0;
      try {
        List<Future<BatchResult<Invoice>>> results = new ArrayList<>();
        for (List<Invoice> batch : batches) {
          results.add(pool.submit(() -> xero.createInvoices(demo, batch)));
        }
        for (Future<BatchResult<Invoice>> result : results) {
          saved += result.get().saved();
        }
      } finally {
        pool.shutdownNow();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(documents, saved);
      XeroApiUsage.Snapshot snapshot = usage.snapshot(ORG);
      long calls = snapshot.calls() - callsBefore;
      double windows = (double) took.toMillis() / window.toMillis();
      double perWindow = documents / windows;
      double ceiling = limit * 50.0;
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.1f s | %.1f | %.0f | %.1f %% | %d %s | %d | %.3f | %d |%n",
              name,
              limit,
              documents,
              took.toMillis() / 1000.0,
              windows,
              perWindow,
              100 * perWindow / ceiling,
              snapshot.rateLimited(),
              snapshot.rateLimitedBy().isEmpty() ? "" : snapshot.rateLimitedBy().toString(),
              calls,
              (double) calls / documents,
              snapshot.retries()));
    }
  }

  private static Invoice bill(String number, String supplierId) {
    Invoice bill = new Invoice();
    bill.type = "ACCPAY";
    bill.invoiceNumber = number;
    bill.contact = Contact.reference(supplierId);
    bill.date = LocalDate.now(ZoneOffset.UTC);
    bill.dueDate = bill.date.plusDays(30);
    bill.status = "AUTHORISED";
    bill.lineAmountTypes = "Exclusive";
    LineItem line = new LineItem();
    line.description = "Widgets";
    line.quantity = new BigDecimal("12");
    line.unitAmount = new BigDecimal("3.25");
    line.accountCode = "300";
    line.taxType = "INPUT2";
    bill.lineItems = List.of(line);
    return bill;
  }

  private void faults(URI root, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(root.resolve("api/v1/sandbox/organisations/" + ORG + "/faults"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
  }
}
