package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

  private static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void readsTheConsentAndTheUser() {
    String token = jwt("{\"authentication_event_id\":\"e-1\",\"xero_userid\":\"u-1\",\"exp\":1}");
    assertEquals(Optional.of("e-1"), AccessTokenClaims.authEventId(token));
    assertEquals(Optional.of("u-1"), AccessTokenClaims.userId(token));
  }

  @Test
  void anythingUnreadableGivesNothing() {
    assertEquals(Optional.empty(), AccessTokenClaims.authEventId(null));
    assertEquals(Optional.empty(), AccessTokenClaims.authEventId("opaque-token"));
    assertEquals(Optional.empty(), AccessTokenClaims.authEventId("a.!!!.c"));
    assertEquals(Optional.empty(), AccessTokenClaims.userId(jwt("[1]")));
    assertEquals(Optional.empty(), AccessTokenClaims.userId(jwt("{\"xero_userid\":3}")));
  }
}
