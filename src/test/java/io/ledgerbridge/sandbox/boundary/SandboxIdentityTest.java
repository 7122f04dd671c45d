package io.ledgerbridge.sandbox.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxIdentityTest {

  private static final SandboxIdentity.Client DEMO =
      new SandboxIdentity.Client(
          "ledgerbridge-demo",
          "demo-secret",
          List.of("http://localhost:8080/ledgerbridge/xero/callback"),
          "org");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/ledgerbridge/xero/callback",
        "http://localhost:9191/ledgerbridge/xero/callback",
        "http://127.0.0.1:8080/ledgerbridge/xero/callback",
        "http://[::1]:8080/ledgerbridge/xero/callback",
        "http://LOCALHOST:8181/ledgerbridge/xero/callback"
      })
  void theDemoAppTakesItsCallbackOnAnyLoopbackAddressAndPort(String uri) {
    assertTrue(SandboxIdentity.redirectAllowed(DEMO, uri), uri);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example:8080/ledgerbridge/xero/callback",
        "http://127.0.0.2:8080/ledgerbridge/xero/callback",
        "http://localhost.evil.example:8080/ledgerbridge/xero/callback",
        "https://127.0.0.1:8080/ledgerbridge/xero/callback",
        "http://127.0.0.1:8080/ledgerbridge/xero/other",
        "http://127.0.0.1:8080/ledgerbridge/xero/callback?next=http://evil.example",
        "http://127.0.0.1:8080/ledgerbridge/xero/callback#x",
        "not a uri at all"
      })
  void anyOtherRedirectIsRefused(String uri) {
    assertFalse(SandboxIdentity.redirectAllowed(DEMO, uri), uri);
  }

  @Test
  void noRedirectIsRefused() {
    assertFalse(SandboxIdentity.redirectAllowed(DEMO, null));
  }
}
