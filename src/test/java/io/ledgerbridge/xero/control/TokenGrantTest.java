package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenGrantTest {

  private static TokenGrant grant(String refresh, String scope) {
    return new TokenGrant("a", Instant.EPOCH, refresh, scope);
  }

  @Test
  void offlineAccessNeedsARefreshTokenAndTheScope() {
    assertTrue(grant("r", "openid offline_access accounting.settings").grantsOfflineAccess());
    assertTrue(grant("r", null).grantsOfflineAccess(), "Xero did not list the scopes");
    assertFalse(grant(null, "openid offline_access").grantsOfflineAccess());
    assertFalse(grant("r", "openid accounting.settings").grantsOfflineAccess());
    assertFalse(grant("r", "openid offline_access_x").grantsOfflineAccess());
  }
}
