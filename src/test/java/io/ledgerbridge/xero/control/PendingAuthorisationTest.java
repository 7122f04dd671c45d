package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroUrls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingAuthorisationTest {

  private static final Instant NOW = Instant.parse("2026-11-29T23:00:00Z");

  private static PendingAuthorisation start() {
    return PendingAuthorisation.start(
        "client-1",
        "http://localhost:8080/ledgerbridge/xero/callback",
        "openid offline_access accounting.settings",
        XeroUrls.XERO,
        NOW);
  }

  @Test
  void acceptsOnlyItsOwnStateWithinTenMinutes() {
    PendingAuthorisation pending = start();
    assertTrue(pending.accepts(pending.state(), NOW.plusSeconds(30)));
    assertFalse(pending.accepts(pending.state() + "x", NOW));
    assertFalse(pending.accepts("", NOW));
    assertFalse(pending.accepts(null, NOW));
    assertFalse(pending.accepts(pending.state(), NOW.plus(Duration.ofMinutes(10))));
    assertNotEquals(pending.state(), start().state(), "every attempt has its own state");
  }

  @Test
  void theAuthorizeUrlCarriesStateAndTheS256Challenge() {
    PendingAuthorisation pending = start();
    URI uri = URI.create(pending.authorizeUrl());
    assertEquals("login.xero.com", uri.getHost());
    assertEquals("/identity/connect/authorize", uri.getPath());
    Map<String, String> query = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertEquals("code", query.get("response_type"));
    assertEquals("client-1", query.get("client_id"));
    assertEquals("http://localhost:8080/ledgerbridge/xero/callback", query.get("redirect_uri"));
    assertEquals("openid offline_access accounting.settings", query.get("scope"));
    assertEquals(pending.state(), query.get("state"));
    assertEquals("S256", query.get("code_challenge_method"));
    assertEquals(Pkce.s256(pending.codeVerifier()), query.get("code_challenge"));
    assertFalse(pending.authorizeUrl().contains(pending.codeVerifier()), "the verifier stays here");
  }

  @Test
  void survivesTheSessionAndHidesItsSecretsFromToString() throws Exception {
    PendingAuthorisation pending = start();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(pending);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(pending, in.readObject());
    }
    assertFalse(pending.toString().contains(pending.state()));
    assertFalse(pending.toString().contains(pending.codeVerifier()));
  }
}
