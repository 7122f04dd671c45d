package io.ledgerbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.contacts.ContactsSandbox;
import io.ledgerbridge.testing.Browser;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An accountant matches contacts on the matching page in headless Chromium, against the sandbox:
 * filter, inspect a contact's candidates and their evidence, link one, create a Xero contact (and
 * link the existing one when the name is taken), confirm all exact matches.
 */
class ContactMatchingBrowserIT extends LedgerBridgeDeployment {

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
  void filterInspectLinkCreateAndConfirmExactMatches() {
    ContactsSandbox.resetSandbox(client);
    ContactsSandbox.connect(client);
    ContactsSandbox.forgetLinks(client);
    try {
      matchOnThePage();
    } finally {
      ContactsSandbox.forgetLinks(client);
      ContactsSandbox.resetSandbox(client);
    }
  }

  private void matchOnThePage() {
    browser.get(client.uri("contacts/matching.xhtml").toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys("accountant");
    browser.findElement(By.id("login:password")).sendKeys("accountant");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contacts")));
    assertTrue(row("CUS-006").getText().contains("Mt Eden Books"), row("CUS-006").getText());

    // Filter by text (accents ignored) and state.
    browser.findElement(By.id("filter-q")).sendKeys("tamaki");
    new Select(browser.findElement(By.id("filter-state"))).selectByValue("unlinked");
    browser.findElement(By.id("filter-apply")).click();
    wait.until(ExpectedConditions.urlContains("q=tamaki"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#contacts tbody tr"));
    assertEquals(2, rows.size());
    assertEquals(
        List.of("CUS-008", "CUS-009"),
        rows.stream().map(r -> r.getAttribute("data-code")).toList());

    // Inspect a contact's candidates with their evidence.
    row("CUS-008").findElement(By.cssSelector("a.inspect")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("candidate-table")));
    WebElement first = browser.findElement(By.cssSelector("#candidate-table tbody tr"));
    assertEquals(
        "Tamaki Tech Repairs Ltd", first.findElement(By.className("candidate-name")).getText());
    String evidence = first.findElement(By.className("evidence")).getText();
    assertTrue(evidence.startsWith("Exact: Same e-mail address"), evidence);
    assertTrue(evidence.contains("Same name"), evidence);

    // Link a suggestion (a similar name) by hand.
    open("state=unlinked&code=CUS-004");
    WebElement suggestion = browser.findElement(By.cssSelector("#candidate-table tbody tr"));
    assertEquals("suggestion", suggestion.getAttribute("class"));
    assertTrue(suggestion.getText().contains("Similar name"), suggestion.getText());
    suggestion.findElement(By.cssSelector("input.link-candidate")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("selected-state"), "data-state", "LINKED"));
    assertTrue(
        browser
            .findElement(By.id("selected-state"))
            .getText()
            .contains("Kiwi Office Supplies Limited"));
    assertTrue(browser.findElement(By.id("globalMessages")).getText().contains("Linked CUS-004"));

    // Create a Xero contact from a source contact nobody in Xero matches.
    open("code=CUS-010");
    browser.findElement(By.id("actions:create")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("selected-state"), "data-state", "LINKED"));
    assertTrue(
        browser
            .findElement(By.id("globalMessages"))
            .getText()
            .contains("Created Brightside Schools Trust in Xero"));

    // Creating one whose name Xero already has: offered the existing contact instead.
    open("code=CUS-001");
    browser.findElement(By.id("actions:create")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("offer:linkOffered")));
    assertTrue(browser.findElement(By.id("globalMessages")).getText().contains("already assigned"));
    browser.findElement(By.id("offer:linkOffered")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("selected-state"), "data-state", "LINKED"));
    assertTrue(browser.findElement(By.id("selected-state")).getText().contains("Harbour Café Ltd"));

    // Confirm all exact matches: only the unambiguous ones go.
    open("");
    assertFalse(
        browser.findElements(By.cssSelector("#contacts tr[data-code='CUS-006']")).isEmpty());
    browser.findElement(By.id("bulk:confirmExact")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("globalMessages"), "exact matches"));
    String message = browser.findElement(By.id("globalMessages")).getText();
    assertTrue(message.matches("(?s).*Linked \\d+ exact matches; \\d+ left.*"), message);
    assertTrue(browser.findElements(By.cssSelector("#contacts tr[data-code='CUS-006']")).isEmpty());
    // A shared e-mail only, and an archived contact: still waiting for a person.
    assertEquals("UNLINKED", row("CUS-028").getAttribute("data-state"));
    assertEquals("UNLINKED", row("CUS-007").getAttribute("data-state"));
    assertTrue(
        browser.findElement(By.id("bulk:confirmExact")).getAttribute("value").contains("(0)"));
  }

  private void open(String query) {
    browser.get(
        client.uri("contacts/matching.xhtml" + (query.isEmpty() ? "" : "?" + query)).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filters")));
  }

  private WebElement row(String code) {
    return browser.findElement(By.cssSelector("#contacts tr[data-code='" + code + "']"));
  }
}
