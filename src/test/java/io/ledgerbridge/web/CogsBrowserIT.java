package io.ledgerbridge.web;

import static io.ledgerbridge.testing.ImportFixture.journalLines;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.Browser;
import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestValuations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An accountant closes a month's cost of goods sold on Stock › COGS, in headless Chromium, against
 * the sandbox: the month's computed cost and its journal previewed line by line, Import (a double
 * click starting one run), the month then imported with Xero holding exactly that journal, a
 * restocked return re-run as an update of the same journal; a bad month in the address refused with
 * the reason; a viewer seeing the months without the button. The month is far in the future, so
 * that the sales of other tests (on the shared database) are not in its cost.
 */
class CogsBrowserIT extends LedgerBridgeDeployment {

  private WebDriver browser;
  private WebDriverWait wait;
  private ImportFixture fx;
  private String methodBefore;
  private YearMonth month;

  @BeforeEach
  void perpetualAndABrowser() {
    fx = new ImportFixture(client).ready();
    methodBefore = fx.settings().getString("accountingMethod");
    fx.patchSettings(
        "{\"accountingMethod\":\"PERPETUAL\",\"accounts\":{\"inventory\":\"635\",\"cogs\":\"310\"}}");
    month = YearMonth.of(2040 + ThreadLocalRandom.current().nextInt(150), 1 + nextMonth());
    browser = Browser.open();
    wait = Browser.waitFor(browser, Duration.ofSeconds(30));
  }

  private static int nextMonth() {
    return ThreadLocalRandom.current().nextInt(12);
  }

  @AfterEach
  void closeBrowserAndPutTheSettingsBack() {
    try {
      if (browser != null) {
        Browser.close(browser);
      }
    } finally {
      fx.patchSettings("{\"accountingMethod\":\"" + methodBefore + "\"}");
    }
  }

  @Test
  void previewImportAndReRunAMonthAfterARestockedReturn() {
    // Three sale lines of 1,000.005: summed unrounded, rounded once → 3,000.02.
    fx.intake(sale(12, "1000.005"), sale(15, "1000.005"), sale(18, "1000.005"));

    signIn(pageUrl(), "cogs", "accountant");
    assertTrue(
        browser.findElement(By.id("nav-cogs")).getAttribute("class").contains("active"),
        "the COGS link in the navigation is the current page");
    WebElement row = month();
    assertEquals("NOT_IMPORTED", row.getAttribute("data-state"));
    assertEquals(label(month), cell(row, "month"));
    assertEquals("Not imported", row.findElement(By.cssSelector("span.state")).getText());
    assertEquals("3", cell(row, "sales"));
    assertEquals("0", cell(row, "returns"));
    assertEquals("3,000.02", cell(row, "cost"));
    assertEquals("0.00", cell(row, "in-xero"));
    assertEquals("3,000.02", cell(row, "difference"));
    assertEquals(
        "right",
        row.findElement(By.cssSelector("td.cost")).getCssValue("text-align"),
        "amounts right-aligned");

    // The preview: the exact journal, debit COGS and credit inventory, dated the month's last day.
    WebElement preview = openPreview(row);
    assertEquals("CREATE", preview.getAttribute("data-action"));
    assertEquals(month.atEndOfMonth().toString(), text(preview, "dd.preview-date"));
    assertTrue(
        text(preview, "dd.preview-narration").contains("[LedgerBridge COGS " + month + " "),
        text(preview, "dd.preview-narration"));
    assertEquals(
        List.of(List.of("310", "", "3,000.02", ""), List.of("635", "", "", "3,000.02")),
        lines(preview));
    assertEquals("3,000.02", text(preview, "th.debits"));
    assertEquals("3,000.02", text(preview, "th.credits"));
    assertTrue(journals().isEmpty(), "nothing in Xero before the import");
    screenshot("cogs-preview");

    // Import; a double click starts one run.
    long runsBefore = runCount();
    new Actions(browser).doubleClick(browser.findElement(By.id("import:start"))).perform();
    awaitRun();
    assertEquals(runsBefore + 1, runCount(), "the double click started exactly one run");
    assertEquals("1", browser.findElement(By.id("count-imported")).getText().trim());

    List<JsonObject> inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals("DRAFT", inXero.get(0).getString("Status"));
    assertEquals(List.of("310 3000.02", "635 -3000.02"), journalLines(inXero.get(0)));
    String journalId = inXero.get(0).getString("ManualJournalID");

    browser.get(client.uri(pageUrl()).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cogs")));
    row = month();
    assertEquals("IMPORTED", row.getAttribute("data-state"));
    assertEquals("Imported as draft", row.findElement(By.cssSelector("span.state")).getText());
    assertEquals("3,000.02", cell(row, "in-xero"));
    assertEquals("0.00", cell(row, "posted"));
    assertEquals("0.00", cell(row, "difference"));
    WebElement journal = row.findElement(By.cssSelector("ul.journals li"));
    assertEquals("DRAFT", journal.findElement(By.className("journal-status")).getText());
    assertEquals("3,000.02", journal.findElement(By.className("journal-cogs")).getText());
    assertTrue(row.findElements(By.cssSelector("details.preview")).isEmpty(), "nothing to send");
    String nothing = row.findElement(By.cssSelector("tr.preview-row")).getText();
    assertTrue(nothing.contains("Nothing to send"), nothing);

    // A restocked return of 500.00: the month changed, and re-running updates the same journal.
    fx.intake(restockedReturn(20, "500.00"));
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cogs")));
    row = month();
    assertEquals("CHANGED", row.getAttribute("data-state"));
    assertEquals("1", cell(row, "returns"));
    assertEquals("2,500.02", cell(row, "cost"));
    assertEquals("-500.00", cell(row, "difference"));
    preview = openPreview(row);
    assertEquals("UPDATE", preview.getAttribute("data-action"));
    screenshot("cogs-changed");
    assertEquals(
        List.of(List.of("310", "", "2,500.02", ""), List.of("635", "", "", "2,500.02")),
        lines(preview));
    browser.findElement(By.id("import:start")).click();
    awaitRun();
    assertEquals("1", browser.findElement(By.id("count-updated")).getText().trim());
    inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(journalId, inXero.get(0).getString("ManualJournalID"), "the same journal");
    assertEquals(List.of("310 2500.02", "635 -2500.02"), journalLines(inXero.get(0)));

    // Nothing changed since: a re-run sends nothing.
    browser.get(client.uri(pageUrl()).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cogs")));
    assertEquals("IMPORTED", month().getAttribute("data-state"));
    browser.findElement(By.id("import:start")).click();
    awaitRun();
    assertEquals("1", browser.findElement(By.id("count-skipped")).getText().trim());
    assertEquals("0", browser.findElement(By.id("count-updated")).getText().trim());
    inXero = journals();
    assertEquals(1, inXero.size(), inXero::toString);
    assertEquals(List.of("310 2500.02", "635 -2500.02"), journalLines(inXero.get(0)));

    // A viewer sees the months and the journal, and nothing that imports.
    browser.findElement(By.id("logout:signout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    signIn(pageUrl(), "cogs", "viewer");
    assertEquals("2,500.02", cell(month(), "in-xero"));
    assertTrue(browser.findElements(By.id("import")).isEmpty(), "no import form for a viewer");
  }

  @Test
  void aBadMonthIsRefusedWithTheReasonAndAnEmptyMonthImportsNothing() {
    signIn("stock/cogs.xhtml?from=2040-13&to=2041-01", "filters", "accountant");
    String messages = browser.findElement(By.id("globalMessages")).getText();
    assertTrue(messages.contains("From must be a month as YYYY-MM, like 2026-11."), messages);
    assertTrue(browser.findElements(By.id("cogs")).isEmpty(), "no months for a bad range");
    assertTrue(browser.findElements(By.id("import")).isEmpty(), "nothing to import");
    assertFalse(browser.getPageSource().contains("Exception"), "no stack trace");

    browser.get(client.uri("stock/cogs.xhtml?from=2041-05&to=2041-01").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filters")));
    messages = browser.findElement(By.id("globalMessages")).getText();
    assertTrue(messages.contains("ends (2041-01) before it starts (2041-05)"), messages);
    assertTrue(browser.findElements(By.id("cogs")).isEmpty());

    // A month with no cost and nothing in Xero: Import answers with the reason, on the same page.
    browser.get(client.uri(pageUrl()).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cogs")));
    assertEquals("NO_COST", month().getAttribute("data-state"));
    long runs = runCount();
    browser.findElement(By.id("import:start")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("globalMessages"), "Nothing to import for " + month));
    assertTrue(browser.getCurrentUrl().contains(pageUrl()), browser.getCurrentUrl());
    assertEquals(runs, runCount(), "no run for nothing");
  }

  @Test
  void underThePeriodicMethodThePageClosesTheMonthsStockValue() {
    fx.patchSettings(
        "{\"accountingMethod\":\"PERIODIC\","
            // 635, not ClosingStockIT's 636: each class's closing drafts stay out of the other's
            // pending stock, even when a sandbox reset in between leaves LedgerBridge's records.
            + "\"accounts\":{\"inventory\":\"635\",\"closingStock\":\"340\"}}");
    try {
      HttpResponse<String> sent =
          client.send(
              client
                  .request("api/v1/stock-valuations")
                  .header("Authorization", LedgerBridgeClient.bearer(LedgerBridgeClient.DEMO_TOKEN))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          TestValuations.body(
                              Json.createObjectBuilder(
                                      TestValuations.valuation(
                                          uniqueId("VAL"), 1, month.atEndOfMonth().toString()))
                                  .add("total", "1234.5")
                                  .remove("locations")
                                  .build()))));
      assertStatus(200, sent);
      // Xero's balance of 635 at the month end, as LedgerBridge reads it (other tests may post).
      HttpResponse<String> api =
          client.as(
              "viewer",
              "GET",
              "api/v1/inventory/closing-stock?from=" + month + "&to=" + month,
              null);
      assertStatus(200, api);
      BigDecimal balance =
          json(api)
              .getJsonArray("months")
              .getJsonObject(0)
              .getJsonNumber("xeroBalance")
              .bigDecimalValue();
      BigDecimal moved =
          new BigDecimal("1234.50").subtract(balance.add(fx.closingDraftsBefore(month, "635")));

      signIn(pageUrl(), "cogs", "accountant");
      assertEquals("Closing stock", browser.findElement(By.id("nav-cogs")).getText().trim());
      assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Closing stock"));
      WebElement row = month();
      assertEquals("NOT_IMPORTED", row.getAttribute("data-state"), row.getText());
      assertEquals("1,234.50", cell(row, "valuation"));
      assertEquals(money(balance), cell(row, "xero-balance"));
      assertEquals(money(moved), cell(row, "cost"));
      assertTrue(row.findElements(By.cssSelector("td.sales")).isEmpty(), "no sales column");
      assertFalse(
          browser.findElement(By.id("filter-book-locked")).isDisplayed(),
          "no lock-date booking for closing stock");
      WebElement preview = openPreview(row);
      assertTrue(
          text(preview, "dd.preview-narration").contains("[LedgerBridge Closing stock " + month),
          text(preview, "dd.preview-narration"));
      screenshot("closing-stock-preview");

      browser.findElement(By.id("import:start")).click();
      awaitRun();
      List<JsonObject> inXero = fx.journalsInXero("[LedgerBridge Closing stock " + month + " ");
      assertEquals(1, inXero.size(), inXero::toString);
      assertEquals("DRAFT", inXero.get(0).getString("Status"));
      assertEquals(
          moved.signum() > 0
              ? List.of("635 " + moved, "340 " + moved.negate())
              : List.of("340 " + moved.negate(), "635 " + moved),
          journalLines(inXero.get(0)));

      browser.get(client.uri(pageUrl()).toString());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cogs")));
      assertEquals("IMPORTED", month().getAttribute("data-state"));
      assertEquals(money(moved), cell(month(), "in-xero"));
    } finally {
      fx.patchSettings("{\"accounts\":{\"closingStock\":null}}");
    }
  }

  private static String money(BigDecimal amount) {
    return new java.text.DecimalFormat(
            "#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH))
        .format(amount);
  }

  // ---- the source ---------------------------------------------------------------------------

  private JsonObject sale(int day, String cost) {
    return document("SALE", uniqueId("COGSB-S"), day, cost);
  }

  private JsonObject restockedReturn(int day, String cost) {
    return document("CUSTOMER_CREDIT", uniqueId("COGSB-C"), day, cost);
  }

  private JsonObject document(String kind, String sourceId, int day, String cost) {
    var line =
        Json.createObjectBuilder()
            .add("sku", "WIDGET")
            .add("description", "Widget")
            .add("quantity", BigDecimal.ONE)
            .add("unitPrice", new BigDecimal("50.00"))
            .add("costAmount", new BigDecimal(cost));
    if (kind.equals("CUSTOMER_CREDIT")) {
      line.add("restock", true);
    }
    return Json.createObjectBuilder()
        .add("kind", kind)
        .add("sourceId", sourceId)
        .add("version", 1)
        .add("number", sourceId)
        .add("contact", Json.createObjectBuilder().add("code", "C-1").add("name", "Acme Ltd"))
        .add("date", month.atDay(day).toString())
        .add("currency", "NZD")
        .add("lines", Json.createArrayBuilder().add(line))
        .add("total", new BigDecimal("57.50"))
        .build();
  }

  // ---- the page, LedgerBridge and the sandbox -----------------------------------------------

  private String pageUrl() {
    return "stock/cogs.xhtml?from=" + month + "&to=" + month;
  }

  private static String label(YearMonth m) {
    return m.format(
        java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH));
  }

  private void signIn(String path, String landmark, String user) {
    browser.get(client.uri(path).toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys(user);
    browser.findElement(By.id("login:password")).sendKeys(user);
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(landmark)));
  }

  private WebElement month() {
    return browser.findElement(By.cssSelector("#cogs tbody[data-month='" + month + "']"));
  }

  private static String cell(WebElement row, String className) {
    return row.findElement(By.cssSelector("td." + className)).getText().trim();
  }

  private static String text(WebElement element, String css) {
    return element.findElement(By.cssSelector(css)).getText().trim();
  }

  private WebElement openPreview(WebElement row) {
    WebElement preview = row.findElement(By.cssSelector("details.preview"));
    preview.findElement(By.tagName("summary")).click();
    wait.until(d -> preview.getAttribute("open") != null);
    return preview;
  }

  private static List<List<String>> lines(WebElement preview) {
    return preview.findElements(By.cssSelector("table.journal-lines tbody tr")).stream()
        .map(r -> r.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList())
        .toList();
  }

  private void awaitRun() {
    wait.until(ExpectedConditions.urlContains("imports/run.xhtml"));
    Browser.waitFor(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "DONE"));
  }

  private long runCount() {
    var response = client.as("viewer", "GET", "api/v1/import-runs", null);
    assertStatus(200, response);
    return json(response).getJsonNumber("total").longValue();
  }

  private List<JsonObject> journals() {
    return fx.journalsInXero("[LedgerBridge COGS " + month + " ");
  }

  /** With -Dit.screenshots=true, a picture of the page under target/screenshots/, for review. */
  private void screenshot(String name) {
    if (!Boolean.getBoolean("it.screenshots")) {
      return;
    }
    try {
      java.nio.file.Path dir =
          java.nio.file.Path.of(System.getProperty("it.buildDir", "target"), "screenshots");
      java.nio.file.Files.createDirectories(dir);
      byte[] png =
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      java.nio.file.Files.write(dir.resolve(name + ".png"), png);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
