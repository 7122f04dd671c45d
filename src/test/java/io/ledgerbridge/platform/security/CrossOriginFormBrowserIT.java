package io.ledgerbridge.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ledgerbridge.testing.Browser;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, item 1, in a real browser: a page on a second origin makes a signed-in admin's Chromium
 * submit LedgerBridge's "create user" form, once as a top-level GET and once as a POST, carrying
 * the admin's own valid view state (the strongest attacker: one who somehow learnt it). The second
 * origin is the same host on another port, so it is the same <em>site</em>: Chromium sends the
 * SameSite=Lax session cookie on both, and only the CSRF filter stands in the way. Both must end on
 * the "Not allowed" page with no user created; the same fields sent from LedgerBridge's own page do
 * create the user, so the refusal is for the origin, not for the content.
 */
class CrossOriginFormBrowserIT extends LedgerBridgeDeployment {

  private WebDriver browser;
  private WebDriverWait wait;
  private HttpServer otherOrigin;
  private final Map<String, String> pages = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeEach
  void openBrowserAndTheOtherOrigin() throws IOException {
    browser = Browser.open();
    wait = Browser.waitFor(browser);
    otherOrigin = HttpServer.create(new InetSocketAddress(base.getHost(), 0), 0);
    otherOrigin.createContext(
        "/",
        exchange -> {
          String page = pages.get(exchange.getRequestURI().getPath());
          byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    otherOrigin.start();
  }

  @AfterEach
  void close() {
    if (otherOrigin != null) {
      otherOrigin.stop(0);
    }
    if (browser != null) {
      Browser.close(browser);
    }
  }

  @Test
  void aFormSubmittedFromAnotherOriginOfTheSameSiteCreatesNoUser() {
    browser.get(client.uri("admin/users.xhtml").toString());
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    browser.findElement(By.id("login:username")).sendKeys("admin");
    browser.findElement(By.id("login:password")).sendKeys("admin");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("newUser:create")));

    String viewState =
        browser
            .findElement(By.cssSelector("#newUser input[name='jakarta.faces.ViewState']"))
            .getAttribute("value");
    assertFalse(viewState == null || viewState.isBlank(), "the form carries a view state");
    String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("newUser", "newUser");
    fields.put("newUser:username", username);
    fields.put("newUser:role", "ADMIN");
    fields.put("newUser:password", "Forged-Admin-Pass-42");
    fields.put("newUser:create", "Create user");
    fields.put("jakarta.faces.ViewState", viewState);
    String target = client.uri("admin/users.xhtml").toString();
    pages.put("/get.html", autoSubmittingForm("get", target, fields));
    pages.put("/post.html", autoSubmittingForm("post", target, fields));
    String attacker = "http://" + base.getHost() + ":" + otherOrigin.getAddress().getPort();
    assertFalse(attacker.equals(client.origin()), "a second origin");

    for (String page : new String[] {"/get.html", "/post.html"}) {
      browser.get(attacker + page);
      wait.until(ExpectedConditions.urlContains("admin/users.xhtml"));
      wait.until(
          ExpectedConditions.or(
              ExpectedConditions.presenceOfElementLocated(By.id("error-title")),
              ExpectedConditions.presenceOfElementLocated(By.id("user-table"))));
      boolean refused = !browser.findElements(By.id("error-title")).isEmpty();
      browser.get(target);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-table")));
      assertFalse(
          browser.findElement(By.id("user-table")).getText().contains(username),
          page + ": no user created from the other origin");
      assertTrue(refused, page + ": answered with the Not allowed page");
    }

    // The same fields from LedgerBridge's own page: the user is created.
    browser.findElement(By.id("newUser:username")).sendKeys(username);
    new Select(browser.findElement(By.id("newUser:role"))).selectByValue("ADMIN");
    browser.findElement(By.id("newUser:password")).sendKeys("Forged-Admin-Pass-42");
    browser.findElement(By.id("newUser:create")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-table"), username));
    assertTrue(browser.findElement(By.id("user-table")).getText().contains(username));
  }

  private static String autoSubmittingForm(
      String method, String action, Map<String, String> fields) {
    StringBuilder html =
        new StringBuilder("<!doctype html><html><body onload=\"document.forms[0].submit()\">")
            .append("<p>Win a prize!</p><form method=\"")
            .append(method)
            .append("\" action=\"")
            .append(escape(action))
            .append("\">");
    fields.forEach(
        (name, value) ->
            html.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
    return html.append("</form></body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
