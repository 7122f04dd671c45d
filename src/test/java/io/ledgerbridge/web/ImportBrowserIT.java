package io.ledgerbridge.web;

import static io.ledgerbridge.testing.ImportFixture.document;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.Browser;
import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An accountant previews, imports and re-imports sales on the pages, in headless Chromium, against
 * the sandbox: the preview on the transaction page, rows ticked on the list and imported with a
 * double click that starts one run, the run page's progress bar moving on its own to 100% and each
 * document's outcome, the documents in "Xero", then a change at the source re-imported as an update
 * of the same Xero invoice.
 */
class ImportBrowserIT extends LedgerBridgeDeployment {

  private static final String FAULTS =
      "api/v1/sandbox/organisations/" + ImportFixture.ORG + "/faults";

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open();
    wait = Browser.waitFor(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      Browser.close(browser);
    }
  }

  @Test
  void previewSelectImportWithProgressAndReimportAChange() {
    ImportFixture fx = new ImportFixture(client).ready();
    String marker = TestTransactions.uniqueId("IMPB");
    String code = marker + "-C";
    String first = marker + "-1";
    String second = marker + "-2";
    String third = marker + "-3";
    fx.intake(
        document("SALE", first, 1, code, "2026-10-05", line(3, "3.35"), line(2, "7.50")),
        document("SALE", second, 1, code, "2026-10-06", line(1, "100.00")),
        document("SALE", third, 1, code, "2026-10-07", line(4, "2.50")));
    fx.link(code);

    signIn("transactions/list.xhtml?kind=sale&q=" + marker);
    assertEquals(3, rows().size());

    // The preview: the exact invoice, with Xero's per-line tax and totals.
    row(first).findElement(By.linkText("N-" + first)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-lines")));
    screenshot("transaction-detail");
    assertEquals("N-" + first, text("preview-number"));
    assertTrue(text("preview-type").startsWith("Sales invoice (ACCREC), DRAFT"));
    assertTrue(text("preview-contact").contains(code + " Ltd"), text("preview-contact"));
    List<WebElement> lines = browser.findElements(By.cssSelector("#preview-lines tbody tr"));
    assertEquals(2, lines.size());
    assertEquals(
        List.of("SKU-1 — Item 1", "3", "3.35", "", "200", "OUTPUT2", "", "10.05", "1.51"),
        cells(lines.get(0)));
    assertEquals(
        List.of("SKU-2 — Item 2", "2", "7.50", "", "200", "OUTPUT2", "", "15.00", "2.25"),
        cells(lines.get(1)));
    assertEquals("25.05", text("preview-subtotal"));
    assertEquals("3.76", text("preview-tax"));
    assertEquals("28.81", text("preview-total"));
    assertEquals("28.81", text("preview-source-total"));
    assertTrue(browser.findElements(By.id("preview-blocking")).isEmpty(), "nothing blocks it");
    assertEquals(
        "CREATE", browser.findElement(By.id("preview-action")).getAttribute("data-action"));
    assertEquals("Not in Xero yet.", text("not-in-xero"));

    // Back on the list: tick all three and import them; a double click starts one run.
    browser.navigate().back();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    WebElement importSelected = browser.findElement(By.id("import:selected"));
    assertTrue(!importSelected.isEnabled(), "nothing ticked yet");
    browser.findElement(By.id("select-all")).click();
    assertEquals("Import selected (3)", importSelected.getAttribute("value"));
    screenshot("transaction-list");
    long runsBefore = runCount();
    JsonObject run;
    // Xero answers slowly for a moment, so the page is seen while the run is under way.
    faults(5000);
    try {
      new Actions(browser).doubleClick(importSelected).perform();
      wait.until(ExpectedConditions.urlContains("imports/run.xhtml"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
      assertEquals("RUNNING", status());
      assertEquals("0", progress().getAttribute("aria-valuenow"));
      assertEquals("0 of 3 done (0%)", text("progress-text"));
      screenshot("import-run-running");
      // The page is not reloaded: the poll redraws the progress while this marker survives.
      ((JavascriptExecutor) browser).executeScript("window.sameImportPage = true;");
      Browser.waitFor(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "DONE"));
    } finally {
      faults(0);
    }
    assertEquals(
        Boolean.TRUE,
        ((JavascriptExecutor) browser).executeScript("return window.sameImportPage === true;"),
        "the progress was redrawn in place, not by reloading the page");
    assertEquals(runsBefore + 1, runCount(), "the double click started exactly one run");
    assertEquals("100", progress().getAttribute("aria-valuenow"));
    assertEquals("3 of 3 done (100%)", text("progress-text"));
    assertEquals("3", text("count-imported"));
    assertEquals("0", text("count-failed"));
    screenshot("import-run-done");
    for (String id : List.of(first, second, third)) {
      WebElement outcome = outcomeRow(id);
      assertEquals("IMPORTED", outcome.getAttribute("data-outcome"));
      assertEquals("N-" + id, outcome.findElement(By.className("xero-number")).getText());
      assertEquals("DRAFT", outcome.findElement(By.className("xero-status")).getText());
    }
    run = fx.await(runId());
    assertEquals(3, run.getJsonObject("counts").getInt("imported"));
    assertTotalInXero(fx, first, "28.81");
    assertTotalInXero(fx, second, "115.00");
    assertTotalInXero(fx, third, "11.50");

    // The runs page lists it, newest first.
    browser.findElement(By.id("nav-import-runs")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs")));
    WebElement newest = browser.findElements(By.cssSelector("#runs tbody tr")).get(0);
    assertEquals(String.valueOf(run.getInt("id")), newest.getAttribute("data-run-id"));
    assertTrue(newest.getText().contains("3 selected invoices"), newest.getText());
    assertTrue(newest.getText().contains("accountant"), newest.getText());
    screenshot("import-runs");

    // The second sale changes at the source: the list shows it Changed, and importing it again
    // updates the same Xero invoice.
    fx.intake(document("SALE", second, 2, code, "2026-10-06", line(1, "120.00")));
    browser.get(client.uri("imports/run.xhtml?id=" + run.getInt("id")).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reimport-changed")));
    browser.findElement(By.id("reimport-changed")).click();
    wait.until(ExpectedConditions.urlContains("state=CHANGED"));
    assertTrue(
        browser
                .findElements(By.cssSelector("#transactions tr[data-source-id='" + second + "']"))
                .size()
            == 1,
        "the changed sale is listed under Changed");
    browser.get(client.uri("transactions/list.xhtml?kind=sale&q=" + marker).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertTrue(row(second).getText().contains("Changed since import"), row(second).getText());
    assertTrue(row(first).getText().contains("Draft in Xero"), row(first).getText());
    row(second).findElement(By.cssSelector("input.select-row")).click();
    browser.findElement(By.id("import:selected")).click();
    wait.until(ExpectedConditions.urlContains("imports/run.xhtml"));
    wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "DONE"));
    assertEquals("1", text("count-updated"));
    WebElement updated = outcomeRow(second);
    assertEquals("UPDATED", updated.getAttribute("data-outcome"));
    String xeroId = fx.inXero("invoices", "N-" + second).get(0).getString("InvoiceID");
    assertTotalInXero(fx, second, "138.00");
    assertEquals(
        xeroId,
        fx.inXero("invoices", "N-" + second).get(0).getString("InvoiceID"),
        "the same invoice");

    // Its page shows the Xero document and the outcomes so far.
    updated.findElement(By.className("source-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xero-document")));
    assertEquals("N-" + second, text("xero-number"));
    assertEquals("DRAFT", text("xero-status"));
    List<WebElement> history = browser.findElements(By.cssSelector("#history tbody tr"));
    assertEquals(
        List.of("UPDATED", "IMPORTED"),
        history.stream().map(r -> r.getAttribute("data-outcome")).toList());
    assertEquals("138.00", text("preview-total"));
    assertEquals("NONE", browser.findElement(By.id("preview-action")).getAttribute("data-action"));
    screenshot("transaction-detail-in-xero");

    // A viewer sees the same pages, without anything that imports.
    browser.findElement(By.id("logout:signout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    signIn("transactions/list.xhtml?kind=sale&q=" + marker, "transactions", "viewer");
    assertEquals(3, rows().size());
    assertTrue(browser.findElements(By.id("import")).isEmpty(), "no import form for a viewer");
    assertTrue(browser.findElements(By.cssSelector("input.select-row")).isEmpty());
    openDetail(second);
    assertTrue(browser.findElements(By.id("actions")).isEmpty(), "no actions for a viewer");
    assertEquals("138.00", text("preview-total"));
    browser.get(client.uri("imports/runs.xhtml").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs")));
    assertTrue(browser.findElements(By.id("refresh")).isEmpty(), "no refresh for a viewer");
  }

  @Test
  void approvedInXeroIsLeftAloneThenVoidedAsANewVersionOrMarkedFixedByHand() {
    ImportFixture fx = new ImportFixture(client).ready();
    String marker = TestTransactions.uniqueId("IMPA");
    String code = marker + "-C";
    String voided = marker + "-V";
    String fixed = marker + "-F";
    String kept = marker + "-K";
    fx.intake(
        document("SALE", voided, 1, code, "2026-10-05", line(2, "10.00")),
        document("SALE", fixed, 1, code, "2026-10-05", line(1, "40.00")),
        document("SALE", kept, 1, code, "2026-10-05", line(1, "5.00")));
    fx.link(code);
    JsonObject imported = fx.importAndWait("SALE", voided, fixed);
    for (String id : List.of(voided, fixed)) {
      fx.act("invoices", ImportFixture.outcome(imported, id).getString("xeroId"), "approve");
    }

    // Refresh from Xero, from the runs page: both are now approved there.
    signIn("imports/runs.xhtml", "runs");
    browser.findElement(By.id("refresh:start")).click();
    wait.until(ExpectedConditions.urlContains("imports/run.xhtml"));
    Browser.waitFor(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "DONE"));
    assertTrue(text("title").startsWith("Refresh run"), text("title"));
    JsonObject refresh = fx.await(runId());
    assertEquals("AUTHORISED", ImportFixture.outcome(refresh, voided).getString("xeroStatus"));
    assertEquals("APPROVED_IN_XERO", fx.state("SALE", voided));

    // Do Not Import, set and cleared on the page of a third sale.
    openDetail(kept);
    browser.findElement(By.id("actions:doNotImport")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("actions:clearDoNotImport")));
    assertEquals("DO_NOT_IMPORT", fx.state("SALE", kept));
    assertTrue(browser.findElements(By.id("actions:importOne")).isEmpty(), "not while marked");
    browser.findElement(By.id("actions:clearDoNotImport")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("actions:importOne")));
    assertTrue(text("globalMessages").contains("Do Not Import cleared"), text("globalMessages"));
    assertEquals("NOT_IMPORTED", fx.state("SALE", kept));

    // A change at the source is not sent to an approved invoice; its page says why.
    fx.intake(document("SALE", voided, 2, code, "2026-10-05", line(3, "10.00")));
    openDetail(voided);
    String explanation = text("approved");
    assertTrue(
        explanation.contains("Approved in Xero; LedgerBridge will not change it."), explanation);
    assertTrue(explanation.contains("N-" + voided + " is AUTHORISED in Xero"), explanation);
    assertTrue(browser.findElements(By.id("actions:importOne")).isEmpty(), "nothing to import");
    String blocking = text("preview-blocking");
    assertTrue(blocking.contains("LedgerBridge will not change it"), blocking);
    screenshot("transaction-detail-approved");

    // Void it and import the change as a new version.
    browser.findElement(By.id("approvedActions:voidAndReimport")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.urlContains("imports/run.xhtml"));
    wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "DONE"));
    WebElement newVersion = outcomeRow(voided);
    assertEquals("IMPORTED", newVersion.getAttribute("data-outcome"));
    assertEquals(
        "N-" + voided + "-v2", newVersion.findElement(By.className("xero-number")).getText());
    assertEquals("VOIDED", fx.inXero("invoices", "N-" + voided).get(0).getString("Status"));
    List<JsonObject> second = fx.inXero("invoices", "N-" + voided + "-v2");
    assertEquals(1, second.size());
    assertEquals("DRAFT", second.get(0).getString("Status"));
    assertEquals(
        0,
        new BigDecimal("34.50").compareTo(second.get(0).getJsonNumber("Total").bigDecimalValue()));

    // The other one was corrected by hand in Xero.
    fx.intake(document("SALE", fixed, 2, code, "2026-10-05", line(1, "45.00")));
    openDetail(fixed);
    browser.findElement(By.id("approvedActions:fixedByHand")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fixed-by-hand")));
    assertTrue(
        browser.findElement(By.id("globalMessages")).getText().contains("fixed by hand"),
        browser.findElement(By.id("globalMessages")).getText());
    assertTrue(text("fixed-by-hand").contains("by accountant"), text("fixed-by-hand"));
    assertTrue(text("fixed-by-hand").contains("(version 2)"), text("fixed-by-hand"));
    assertTrue(browser.findElements(By.id("approvedActions:fixedByHand")).isEmpty(), "done once");
    assertEquals(1, fx.inXero("invoices", "N-" + fixed).size());
    assertEquals("AUTHORISED", fx.inXero("invoices", "N-" + fixed).get(0).getString("Status"));
  }

  /**
   * Without the page's script (which disables the buttons once the form is sent), the same form
   * posted twice at once still starts one run: both answers lead to it.
   */
  @Test
  void theSameFormPostedTwiceAtOnceStartsOneRun() throws Exception {
    ImportFixture fx = new ImportFixture(client).ready();
    String marker = TestTransactions.uniqueId("IMPD");
    String code = marker + "-C";
    fx.intake(
        document("SALE", marker + "-1", 1, code, "2026-10-05", line(1, "10.00")),
        document("SALE", marker + "-2", 1, code, "2026-10-05", line(2, "10.00")));
    fx.link(code);
    LedgerBridgeClient page = new LedgerBridgeClient(base);
    page.signIn("accountant", "accountant");
    var list = page.get("transactions/list.xhtml?kind=sale&q=" + marker);
    assertStatus(200, list);
    Map<String, String> fields = LedgerBridgeClient.formFields(list.body(), "import");
    fields.remove("import:selected");
    assertTrue(fields.containsKey("import:all"), fields.toString());
    String body = LedgerBridgeClient.formBody(fields);
    long runsBefore = runCount();
    Callable<HttpResponse<String>> post =
        () ->
            page.send(
                page.request("transactions/list.xhtml")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> runs;
    try {
      List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(post, post));
      runs = new java.util.ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertEquals(302, response.statusCode(), response::body);
        runs.add(LedgerBridgeClient.redirectTarget(response).toString());
      }
      assertTrue(runs.get(0).contains("imports/run.xhtml?id="), runs.toString());
      assertEquals(runs.get(0), runs.get(1), "both answers lead to the same run");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(runsBefore + 1, runCount(), "one run");
    JsonObject run = fx.await(runId(runs.get(0)));
    assertEquals("All 2 invoices matching \"" + marker + "\"", run.getString("description"));
    ImportFixture.assertOutcome("IMPORTED", run, marker + "-1");
    ImportFixture.assertOutcome("IMPORTED", run, marker + "-2");
  }

  /**
   * Home counts the waiting sales that are ready and what blocks the rest; its "contacts (n)" link
   * opens the list of exactly those n, and "Import all ready" imports the ready ones and leaves the
   * blocked one waiting.
   */
  @Test
  void homeShowsWhatBlocksAndImportAllReadyImportsOnlyTheReadyOnes() {
    ImportFixture fx = new ImportFixture(client).ready();
    String marker = TestTransactions.uniqueId("IMPR");
    String linked = marker + "-L";
    String unlinked = marker + "-U";
    String first = marker + "-1";
    String second = marker + "-2";
    String blocked = marker + "-3";
    fx.intake(
        document("SALE", first, 1, linked, "2026-10-05", line(1, "10.00")),
        document("SALE", second, 1, linked, "2026-10-06", line(2, "10.00")),
        document("SALE", blocked, 1, unlinked, "2026-10-07", line(3, "10.00")));
    fx.link(linked);

    signIn("index.xhtml", "counts");
    WebElement sales = browser.findElement(By.id("readiness-sale"));
    screenshot("home-readiness");
    long ready = leadingNumber(sales.findElement(By.className("ready-count")).getText());
    WebElement contacts =
        sales.findElement(By.cssSelector("a.blocked-by[data-blocker='contacts']"));
    long blockedByContacts = count(contacts.getText());
    assertTrue(ready >= 2, sales.getText());
    assertTrue(blockedByContacts >= 1, sales.getText());
    assertTrue(
        sales.getText().contains(" ready to import · blocked by: contacts ("), sales.getText());

    // The link opens the list filtered to those transactions, the same number of them.
    contacts.click();
    wait.until(ExpectedConditions.urlContains("readiness=blocked-by-contacts"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertEquals(blockedByContacts, listTotal(), text("row-count"));
    assertEquals(
        "blocked-by-contacts",
        browser.findElement(By.id("filter-readiness")).getAttribute("value"));
    browser.get(
        client
            .uri("transactions/list.xhtml?kind=sale&readiness=blocked-by-contacts&q=" + marker)
            .toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertEquals(List.of(blocked), sourceIds());
    browser.get(client.uri("transactions/list.xhtml?kind=sale&readiness=ready").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertEquals(ready, listTotal(), text("row-count"));

    // On this marker's list: two ready, one blocked by its contact; import all ready.
    browser.get(client.uri("transactions/list.xhtml?kind=sale&q=" + marker).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertEquals("2 ready to import · blocked by: contacts (1)", text("list-readiness"));
    WebElement importReady = browser.findElement(By.id("import-ready:ready"));
    assertEquals("Import all 2 ready", importReady.getAttribute("value"));
    screenshot("transaction-list-readiness");
    importReady.click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.urlContains("imports/run.xhtml"));
    Browser.waitFor(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "DONE"));
    assertEquals("2", text("count-imported"));
    JsonObject run = fx.await(runId());
    assertEquals(2, run.getJsonArray("documents").size(), run.toString());
    ImportFixture.assertOutcome("IMPORTED", run, first);
    ImportFixture.assertOutcome("IMPORTED", run, second);
    assertEquals("NOT_IMPORTED", fx.state("SALE", blocked));
    assertTrue(fx.inXero("invoices", "N-" + blocked).isEmpty(), "the blocked one is not in Xero");

    // Now nothing of the marker's is ready; the blocked one still says why.
    browser.get(client.uri("transactions/list.xhtml?kind=sale&q=" + marker).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertEquals("0 ready to import · blocked by: contacts (1)", text("list-readiness"));
    assertTrue(browser.findElements(By.id("import-ready")).isEmpty(), "nothing left to import");

    // A viewer sees the counts but no button that imports.
    fx.intake(document("SALE", marker + "-4", 1, linked, "2026-10-08", line(1, "5.00")));
    LedgerBridgeClient viewer = new LedgerBridgeClient(base);
    viewer.signIn("viewer", "viewer");
    var list = viewer.get("transactions/list.xhtml?kind=sale&q=" + marker);
    assertStatus(200, list);
    assertTrue(list.body().contains("1 ready to import"), list.body());
    assertTrue(!list.body().contains("id=\"import-ready\""), "no import form for a viewer");
  }

  private long listTotal() {
    String rows = text("row-count");
    return rows.isEmpty() ? 0 : Long.parseLong(rows.substring(rows.lastIndexOf(" of ") + 4));
  }

  private List<String> sourceIds() {
    return rows().stream().map(r -> r.getAttribute("data-source-id")).toList();
  }

  private static long leadingNumber(String text) {
    return Long.parseLong(text.trim().split(" ")[0]);
  }

  /** The n of "contacts (n)". */
  private static long count(String text) {
    return Long.parseLong(text.replaceAll(".*\\((\\d+)\\)\\s*$", "$1"));
  }

  private void openDetail(String sourceId) {
    browser.get(client.uri("transactions/detail.xhtml?kind=sale&sourceId=" + sourceId).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-xero")));
  }

  private static String[] line(int quantity, String price) {
    return new String[] {String.valueOf(quantity), price};
  }

  private void assertTotalInXero(ImportFixture fx, String sourceId, String total) {
    List<JsonObject> docs = fx.inXero("invoices", "N-" + sourceId);
    assertEquals(1, docs.size(), () -> sourceId + ": " + docs);
    JsonObject doc = docs.get(0);
    assertEquals("DRAFT", doc.getString("Status"));
    assertEquals(
        0,
        new BigDecimal(total).compareTo(doc.getJsonNumber("Total").bigDecimalValue()),
        () -> sourceId + ": " + doc);
  }

  private void signIn(String path) {
    signIn(path, "transactions");
  }

  private void signIn(String path, String landmark) {
    signIn(path, landmark, "accountant");
  }

  private void signIn(String path, String landmark, String user) {
    browser.get(client.uri(path).toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys(user);
    browser.findElement(By.id("login:password")).sendKeys(user);
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(landmark)));
  }

  private long runCount() {
    var response = client.as("viewer", "GET", "api/v1/import-runs", null);
    assertStatus(200, response);
    return json(response).getJsonNumber("total").longValue();
  }

  private long runId() {
    return runId(browser.getCurrentUrl());
  }

  private static long runId(String url) {
    return Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
  }

  /** Sandbox latency on every Xero call of the demo organisation; 0 puts it back. */
  private void faults(int latencyMs) {
    assertStatus(
        200,
        client.asAdmin(
            "PUT",
            FAULTS,
            "{\"error500Percent\":0,\"error503Percent\":0,\"latencyMs\":"
                + latencyMs
                + ",\"commitThenFailPercent\":0,\"commitThenFailMode\":\"500\","
                + "\"minuteLimit\":null,\"dayLimit\":null,\"concurrentLimit\":null}"));
  }

  private String status() {
    return browser.findElement(By.id("run-status")).getAttribute("data-status");
  }

  private WebElement progress() {
    return browser.findElement(By.id("progress"));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#transactions tbody tr"));
  }

  private WebElement row(String sourceId) {
    return browser.findElement(
        By.cssSelector("#transactions tr[data-source-id='" + sourceId + "']"));
  }

  private WebElement outcomeRow(String sourceId) {
    return browser.findElement(By.cssSelector("#documents tr[data-source-id='" + sourceId + "']"));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList();
  }

  /** With -Dit.screenshots=true, a picture of the page under target/screenshots/, for review. */
  private void screenshot(String name) {
    if (!Boolean.getBoolean("it.screenshots")) {
      return;
    }
    try {
      Path dir = Path.of(System.getProperty("it.buildDir", "target"), "screenshots");
      Files.createDirectories(dir);
      // The whole page: the window made as tall as the page for a moment.
      Dimension size = browser.manage().window().getSize();
      Number height =
          (Number)
              ((JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.scrollHeight;");
      browser
          .manage()
          .window()
          .setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), height.intValue())));
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      browser.manage().window().setSize(size);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
