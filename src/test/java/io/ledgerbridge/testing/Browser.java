package io.ledgerbridge.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser ITs, each with a fresh profile under target/, driven
 * by Debian's chromedriver (nothing is downloaded at run time).
 */
public final class Browser {

  private Browser() {}

  public static WebDriver open() {
    Path profile;
    try {
      profile =
          Files.createTempDirectory(
              Path.of(System.getProperty("it.buildDir", "target")), "chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    // Console messages are read back at the end: a page that breaks its Content-Security-Policy
    // fails the test that showed it.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Quits the browser, failing when any page it showed broke the Content-Security-Policy (a script,
   * style or frame the policy refused: a feature that silently does nothing).
   */
  public static void close(WebDriver browser) {
    List<String> refused;
    try {
      refused =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(LogEntry::getMessage)
              .filter(m -> m.contains("Content Security Policy"))
              .toList();
    } finally {
      browser.quit();
    }
    if (!refused.isEmpty()) {
      throw new AssertionError("The pages broke their Content-Security-Policy: " + refused);
    }
  }

  /** The waits the browser ITs use: 20 seconds, for a loaded 2-core machine. */
  public static WebDriverWait waitFor(WebDriver browser) {
    return waitFor(browser, Duration.ofSeconds(20));
  }

  /**
   * A wait that also rides out a page being replaced while a condition looks at it (a form post
   * answered with a new page makes the elements found a moment earlier stale).
   */
  public static WebDriverWait waitFor(WebDriver browser, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }
}
