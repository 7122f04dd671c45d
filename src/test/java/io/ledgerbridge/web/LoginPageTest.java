package io.ledgerbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the login page may send a user afterwards: only back into LedgerBridge. */
class LoginPageTest {

  @Test
  void pathsInsideTheApplicationAreKept() {
    for (String target :
        List.of(
            "/",
            "/index.xhtml",
            "/intake/sales.xhtml?page=2&sort=-date",
            "/imports/preview.xhtml?kind=sale#top")) {
      assertEquals(target, LoginPage.safeTarget(target));
    }
  }

  @Test
  void missingOrRelativeTargetsGoHome() {
    assertEquals("/", LoginPage.safeTarget(null));
    assertEquals("/", LoginPage.safeTarget(""));
    assertEquals("/", LoginPage.safeTarget("index.xhtml"));
  }

  @Test
  void otherSitesAreNeverTargets() {
    for (String target :
        List.of(
            "https://evil.example/",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            " //evil.example")) {
      assertEquals("/", LoginPage.safeTarget(target), target);
    }
  }

  @Test
  void lineBreaksAreRefusedSoNoHeaderCanBeInjected() {
    for (String target : List.of("/\r\nSet-Cookie: x=1", "/\n/evil.example", "/\r/evil.example")) {
      assertEquals("/", LoginPage.safeTarget(target), target);
    }
  }

  @Test
  void aTabThatBrowsersWouldStripIsRefused() {
    assertEquals("/", LoginPage.safeTarget("/\t/evil.example"));
  }

  @Test
  void theLoginPageItselfIsNotATargetSoSigningInNeverLoops() {
    assertEquals("/", LoginPage.safeTarget("/login.xhtml"));
    assertEquals("/", LoginPage.safeTarget("/login.xhtml?continue=/index.xhtml"));
  }
}
