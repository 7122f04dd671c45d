package io.ledgerbridge.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectLocationTest {

  private static final Optional<String> NONE = Optional.empty();
  private static final Optional<String> PUBLIC =
      Optional.of("https://finance.example.com/ledgerbridge");

  @Test
  void withoutAPublicUrlTheHostHeaderIsNeverUsed() {
    assertEquals(
        "/ledgerbridge/login.xhtml?continue=%2Fadmin",
        RedirectLocation.of("/ledgerbridge/login.xhtml?continue=%2Fadmin", "/ledgerbridge/", NONE));
  }

  @Test
  void aRelativeLocationIsResolvedAgainstTheRequestPath() {
    assertEquals(
        "/ledgerbridge/admin/xero.xhtml?result=ok",
        RedirectLocation.of("xero.xhtml?result=ok", "/ledgerbridge/admin/users.xhtml", NONE));
  }

  @Test
  void theConfiguredPublicUrlGivesTheOrigin() {
    assertEquals(
        "https://finance.example.com/ledgerbridge/index.xhtml",
        RedirectLocation.of("/ledgerbridge/index.xhtml", "/ledgerbridge/login.xhtml", PUBLIC));
    assertEquals(
        "https://finance.example.com:8443/ledgerbridge/index.xhtml",
        RedirectLocation.of(
            "/ledgerbridge/index.xhtml",
            "/ledgerbridge/login.xhtml",
            Optional.of("https://finance.example.com:8443/ledgerbridge/")));
  }

  @Test
  void absoluteLocationsPassUnchanged() {
    String xero = "https://login.xero.com/identity/connect/authorize?client_id=abc&state=x y";
    assertEquals(xero, RedirectLocation.of(xero, "/ledgerbridge/admin/xero.xhtml", PUBLIC));
  }
}
