package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void s256MatchesTheExampleOfRfc7636AppendixB() {
    assertEquals(
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void verifiersAreLongRandomAndUrlSafe() {
    String verifier = Pkce.newVerifier();
    assertEquals(43, verifier.length());
    assertTrue(verifier.matches("[A-Za-z0-9_-]+"), verifier);
    assertNotEquals(verifier, Pkce.newVerifier());
  }
}
