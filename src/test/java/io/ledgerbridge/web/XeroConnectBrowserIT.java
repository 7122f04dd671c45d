package io.ledgerbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.Browser;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin connects LedgerBridge to Xero in headless Chromium, against the built-in sandbox: the
 * admin page, Xero's consent page (sign in, choose organisations, allow), picking the organisation,
 * its name on every page, Home's "Getting started" checklist before and after, and disconnecting.
 */
class XeroConnectBrowserIT extends LedgerBridgeDeployment {

  private static final String DEMO_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";
  private static final String SECOND_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a1";

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
  void connectPickTheOrganisationSeeItEverywhereAndDisconnect() {
    browser.get(client.uri("admin/xero.xhtml").toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys("admin");
    browser.findElement(By.id("login:password")).sendKeys("admin");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connect:oauth")));
    assertEquals(
        "No Xero organisation connected", browser.findElement(By.id("xero-org-none")).getText());

    // Home's checklist: connecting is not done yet, and it is the next step.
    browser.findElement(By.cssSelector(".brand")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup")));
    assertEquals("Not done", browser.findElement(By.id("setup-connect-state")).getText());
    assertTrue(
        browser.findElement(By.id("setup-connect")).getAttribute("class").contains("next"),
        browser.findElement(By.id("setup-connect")).getAttribute("class"));
    browser.findElement(By.cssSelector("#setup-connect a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connect:oauth")));

    // Connect: off to the sandbox's consent page.
    browser.findElement(By.id("connect:oauth")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent")));
    assertTrue(browser.getCurrentUrl().contains("/sandbox/identity/connect/authorize"));
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys("owner@demo.ledgerbridge");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("tenant-" + DEMO_ORG)).click();
    browser.findElement(By.id("tenant-" + SECOND_ORG)).click();
    browser.findElement(By.id("allow")).click();

    // Back on the admin page: two organisations to pick from.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("organisation-table")));
    assertTrue(browser.getCurrentUrl().contains("result=connected"), browser.getCurrentUrl());
    assertEquals("AWAITING_ORGANISATION", browser.findElement(By.id("xero-status")).getText());
    var rows = browser.findElements(By.cssSelector("#organisation-table tbody tr"));
    assertEquals(2, rows.size());
    rows.stream()
        .filter(r -> r.getText().contains("Demo Company (NZ)"))
        .findFirst()
        .orElseThrow()
        .findElement(By.cssSelector("input[type=submit]"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xero-org")));
    assertEquals("Xero: Demo Company (NZ)", browser.findElement(By.id("xero-org")).getText());
    assertEquals("CONNECTED", browser.findElement(By.id("xero-status")).getText());

    // Home's checklist: connected, the reference data downloaded with it; settings come next.
    browser.findElement(By.cssSelector(".brand")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup")));
    assertEquals("Done", browser.findElement(By.id("setup-connect-state")).getText());
    assertEquals("Done", browser.findElement(By.id("setup-reference-data-state")).getText());
    assertEquals("Not done", browser.findElement(By.id("setup-settings-state")).getText());
    assertTrue(
        browser.findElement(By.id("setup-settings")).getAttribute("class").contains("next"),
        browser.findElement(By.id("setup-settings")).getAttribute("class"));

    // The organisation's name is on every page.
    browser.findElement(By.id("nav-sale")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
    assertEquals("Xero: Demo Company (NZ)", browser.findElement(By.id("xero-org")).getText());

    // The organisation's reference data downloaded by itself once the organisation was picked:
    // the chart of accounts and tax rates, without a "Refresh from Xero".
    browser.findElement(By.id("nav-xero-organisation")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts")));
    assertTrue(browser.findElements(By.id("not-downloaded")).isEmpty());
    assertEquals("NZD", browser.findElement(By.id("base-currency")).getText());
    String accounts = browser.findElement(By.id("accounts")).getText();
    assertTrue(accounts.contains("200 Sales REVENUE"), accounts);
    assertTrue(browser.findElement(By.id("tax-rates")).getText().contains("OUTPUT2"));
    assertTrue(browser.findElement(By.id("currencies")).getText().contains("AUD"));

    // Test connection: one live call, the budget left, every check shown.
    browser.findElement(By.id("nav-xero-test")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("test:run")));
    browser.findElement(By.id("test:run")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
    assertEquals(
        "Xero answers: the connection works.", browser.findElement(By.id("verdict")).getText());
    assertEquals("Demo Company (NZ)", browser.findElement(By.id("org-name")).getText());
    assertTrue(
        Integer.parseInt(browser.findElement(By.id("calls-minute")).getText()) > 0,
        browser.findElement(By.id("calls-minute")).getText());
    assertTrue(browser.findElement(By.id("checks")).getText().contains("Reference data OK"));

    // Disconnect.
    browser.findElement(By.id("nav-xero")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("disconnect:disconnect")));
    browser.findElement(By.id("disconnect:disconnect")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xero-org-none")));
    assertTrue(
        browser.findElement(By.id("connection")).getText().contains("Not connected"),
        browser.findElement(By.id("connection")).getText());
  }

  @Test
  void connectsWhenTheBrowserUsesTheLoopbackAddressInsteadOfLocalhost() {
    String host = "localhost".equals(base.getHost()) ? "127.0.0.1" : base.getHost();
    String page = "http://" + host + ":" + base.getPort() + base.getPath() + "admin/xero.xhtml";
    browser.get(page);
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys("admin");
    browser.findElement(By.id("login:password")).sendKeys("admin");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connect:oauth")));
    browser.findElement(By.id("connect:oauth")).click();

    // Xero's consent page, not "Invalid redirect_uri".
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent")));
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys("owner@demo.ledgerbridge");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("tenant-" + DEMO_ORG)).click();
    browser.findElement(By.id("allow")).click();

    // Back on the same address, connected to the one organisation allowed.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xero-status")));
    assertTrue(browser.getCurrentUrl().startsWith("http://" + host + ":"), browser.getCurrentUrl());
    assertEquals("CONNECTED", browser.findElement(By.id("xero-status")).getText());
    assertEquals("Xero: Demo Company (NZ)", browser.findElement(By.id("xero-org")).getText());

    browser.findElement(By.id("disconnect:disconnect")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xero-org-none")));
  }
}
