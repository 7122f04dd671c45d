package io.ledgerbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.Browser;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does on the review pages, in headless Chromium: sign in from a bookmarked list,
 * filter, open a transaction, see why it is not importable, sign out. Data arrives through the
 * intake API first, as it would from the inventory system.
 */
class ReviewPagesBrowserIT extends LedgerBridgeDeployment {

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open();
    wait = Browser.waitFor(browser);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      Browser.close(browser);
    }
  }

  @Test
  void signInFilterOpenDetailAndSignOut() {
    String marker = TestTransactions.uniqueId("BRW");
    String hostile = "<script>alert('x')</script> Ŧēst Café " + marker;
    JsonObject wellington =
        TestTransactions.with(
            TestTransactions.with(TestTransactions.sale(marker + "-W", 1), "branch", "Wellington"),
            "contact",
            jakarta.json.Json.createObjectBuilder()
                .add("code", "BRW-C")
                .add("name", hostile)
                .build());
    JsonObject auckland =
        TestTransactions.with(TestTransactions.sale(marker + "-A", 1), "branch", "Auckland");
    client.intake(wellington, auckland);
    // The reasons below are those of a LedgerBridge not connected to Xero (the ITs share a
    // database, and others connect).
    assertEquals(
        204,
        client
            .send(
                client
                    .request("api/v1/xero/connection")
                    .header("Authorization", LedgerBridgeClient.basic("admin", "admin"))
                    .DELETE())
            .statusCode());

    // A bookmarked, filtered list: signing in leads back to it.
    browser.get(client.uri("transactions/list.xhtml?kind=sale&q=" + marker).toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys("viewer");
    browser.findElement(By.id("login:password")).sendKeys("wrong password");
    browser.findElement(By.id("login:submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("login"), "Wrong username or password"));
    browser.findElement(By.id("login:username")).clear();
    browser.findElement(By.id("login:username")).sendKeys("viewer");
    browser.findElement(By.id("login:password")).sendKeys("viewer");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertTrue(browser.getCurrentUrl().contains("q=" + marker), browser.getCurrentUrl());
    assertEquals(2, rows().size(), "both test sales match the text search");
    // Amounts line up on the right, as the eye compares them (issue 16).
    assertEquals(
        "right",
        rows().get(0).findElement(By.cssSelector("td.num")).getCssValue("text-align"),
        "totals right-aligned");
    assertEquals("viewer (viewer)", browser.findElement(By.id("current-user")).getText());
    assertTrue(
        browser.findElements(By.id("nav-upload")).isEmpty(), "a viewer is not offered the upload");
    assertTrue(browser.findElements(By.id("nav-users")).isEmpty(), "a viewer is not offered admin");

    // Filter by branch with the form, as a person would.
    new Select(browser.findElement(By.id("filter-branch"))).selectByVisibleText("Wellington");
    browser.findElement(By.id("filter-apply")).click();
    wait.until(ExpectedConditions.urlContains("branch=Wellington"));
    List<WebElement> rows = rows();
    assertEquals(1, rows.size());
    // The hostile name is shown as text, not run as a script.
    assertTrue(rows.get(0).getText().contains(hostile), rows.get(0).getText());
    assertNoAlert();

    // Open the detail page from the list.
    rows.get(0).findElement(By.linkText("INV-" + marker + "-W")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
    assertEquals(marker + "-W", browser.findElement(By.id("source-id")).getText());
    assertEquals(hostile, browser.findElement(By.id("contact-name")).getText());
    assertEquals("21.50", browser.findElement(By.id("lines-total")).getText());
    assertEquals("21.50 NZD", browser.findElement(By.id("source-total")).getText());
    assertEquals("Not imported", browser.findElement(By.id("state")).getText());
    String reasons = browser.findElement(By.id("reasons")).getText();
    assertTrue(reasons.contains("Xero is not connected."), reasons);
    assertTrue(
        reasons.contains("Contact BRW-C (" + hostile + ") is not linked to a Xero contact."),
        reasons);
    assertNoAlert();

    // Sign out; the list is then out of reach again.
    browser.findElement(By.id("logout:signout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    browser.get(client.uri("transactions/list.xhtml?kind=sale").toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    assertFalse(browser.getPageSource().contains(marker));
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#transactions tbody tr"));
  }

  private void assertNoAlert() {
    try {
      browser.switchTo().alert();
      throw new AssertionError("a script from transaction data ran in the page");
    } catch (NoAlertPresentException expected) {
      // Output is escaped.
    }
  }
}
