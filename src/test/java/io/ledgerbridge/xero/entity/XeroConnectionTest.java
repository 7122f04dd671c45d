package io.ledgerbridge.xero.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XeroConnectionTest {

  private static final Instant NOW = Instant.parse("2026-11-29T23:00:00Z");

  private static XeroConnection connection() {
    XeroConnection c =
        new XeroConnection(
            ConnectionMode.AUTHORIZATION_CODE,
            "client",
            "v1:secret",
            "openid offline_access",
            "https://identity.xero.com/connect/token",
            "https://identity.xero.com/connect/revocation",
            "https://api.xero.com/connections",
            "https://api.xero.com/api.xro/2.0",
            NOW,
            "admin");
    c.storeTokens("v1:access", NOW.plus(Duration.ofMinutes(30)), "v1:refresh", NOW);
    return c;
  }

  @Test
  void isUsableOnlyOnceAnOrganisationIsChosen() {
    XeroConnection c = connection();
    assertEquals(ConnectionStatus.AWAITING_ORGANISATION, c.getStatus());
    assertFalse(c.isUsable());
    c.chooseOrganisation("tenant-1", "Demo Company (NZ)", "conn-1");
    assertTrue(c.isUsable());
    assertEquals("Demo Company (NZ)", c.getTenantName());
    assertThrows(IllegalArgumentException.class, () -> c.chooseOrganisation(" ", "x", "y"));
  }

  @Test
  void renewsAheadOfTheExpiry() {
    XeroConnection c = connection();
    Duration margin = Duration.ofSeconds(90);
    assertFalse(c.accessExpiresWithin(margin, NOW));
    assertFalse(c.accessExpiresWithin(margin, NOW.plus(Duration.ofMinutes(28))));
    assertTrue(c.accessExpiresWithin(margin, NOW.plus(Duration.ofSeconds(1710))));
    assertTrue(c.accessExpiresWithin(margin, NOW.plus(Duration.ofHours(1))));
  }

  @Test
  void aRotatedRefreshTokenReplacesTheOldOneButClientCredentialsKeepNone() {
    XeroConnection c = connection();
    c.storeTokens("v1:access-2", NOW.plusSeconds(3600), "v1:refresh-2", NOW.plusSeconds(1800));
    assertEquals("v1:refresh-2", c.getRefreshTokenEncrypted());
    c.storeTokens("v1:access-3", NOW.plusSeconds(5400), null, NOW.plusSeconds(3600));
    assertEquals("v1:refresh-2", c.getRefreshTokenEncrypted(), "no new one: the last is kept");
    assertEquals("v1:access-3", c.getAccessTokenEncrypted());
  }

  @Test
  void needingReconnectKeepsTheOrganisationAndDropsTheAccessToken() {
    XeroConnection c = connection();
    c.chooseOrganisation("tenant-1", "Demo Company (NZ)", "conn-1");
    c.markNeedsReconnect(NOW.plusSeconds(60));
    assertEquals(ConnectionStatus.NEEDS_RECONNECT, c.getStatus());
    assertEquals("tenant-1", c.getTenantId());
    assertNull(c.getAccessTokenEncrypted());
    assertFalse(c.isUsable());
    assertEquals(NOW.plusSeconds(60), c.getNeedsReconnectSince());
    c.markNeedsReconnect(NOW.plusSeconds(120));
    assertEquals(NOW.plusSeconds(60), c.getNeedsReconnectSince(), "since the first refusal");
    assertThrows(IllegalStateException.class, () -> c.chooseOrganisation("t", "n", "c"));
  }

  @Test
  void connectingAgainReplacesEverythingButTheRowAndEndsNeedingReconnect() {
    XeroConnection c = connection();
    c.chooseOrganisation("tenant-1", "Demo Company (NZ)", "conn-1");
    c.markNeedsReconnect(NOW.plusSeconds(60));
    c.reconnect(
        ConnectionMode.CLIENT_CREDENTIALS,
        "custom",
        "v1:secret-2",
        "accounting.settings",
        "t",
        "r",
        "c",
        "a",
        NOW.plusSeconds(120),
        "admin2");
    assertEquals(ConnectionStatus.AWAITING_ORGANISATION, c.getStatus());
    assertEquals(ConnectionMode.CLIENT_CREDENTIALS, c.getMode());
    assertNull(c.getTenantId());
    assertNull(c.getRefreshTokenEncrypted(), "the old refresh token is not kept");
    assertNull(c.getNeedsReconnectSince());
    assertEquals("admin2", c.getConnectedBy());
    c.storeTokens("v1:access-9", NOW.plusSeconds(1920), null, NOW.plusSeconds(120));
    c.chooseOrganisation("tenant-2", "Second", "conn-2");
    assertTrue(c.isUsable());
  }

  @Test
  void toStringShowsNoToken() {
    XeroConnection c = connection();
    assertFalse(c.toString().contains("v1:"), c.toString());
  }
}
