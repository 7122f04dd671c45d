package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private final TokenCipher cipher = new TokenCipher(TokenCipher.newKey());
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload-Ŧēst.signature";

  @Test
  void roundTripsAndNeverStoresThePlainText() {
    String stored = cipher.encrypt("xero.access-token", TOKEN);
    assertTrue(stored.startsWith("v1:"), stored);
    assertFalse(stored.contains("payload"), stored);
    assertEquals(TOKEN, cipher.decrypt("xero.access-token", stored));
    assertNull(cipher.encrypt("xero.access-token", null));
    assertNull(cipher.decrypt("xero.access-token", null));
  }

  @Test
  void usesAFreshTwelveByteIvForEveryValue() {
    String first = cipher.encrypt("p", TOKEN);
    String second = cipher.encrypt("p", TOKEN);
    assertNotEquals(first, second);
    byte[] a = Base64.getDecoder().decode(first.substring(3));
    byte[] b = Base64.getDecoder().decode(second.substring(3));
    // IV (12) + ciphertext (same length as the UTF-8 plain text) + tag (16).
    assertEquals(
        12 + TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16, a.length);
    assertFalse(
        java.util.Arrays.equals(java.util.Arrays.copyOf(a, 12), java.util.Arrays.copyOf(b, 12)));
  }

  @Test
  void detectsTampering() {
    String stored = cipher.encrypt("p", TOKEN);
    byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
    for (int index : new int[] {0, 11, 12, bytes.length / 2, bytes.length - 1}) {
      byte[] altered = bytes.clone();
      altered[index] ^= 0x01;
      String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);
      assertThrows(TokenCipher.TamperedException.class, () -> cipher.decrypt("p", tampered));
    }
    assertThrows(TokenCipher.TamperedException.class, () -> cipher.decrypt("p", "v1:AAAA"));
    assertThrows(TokenCipher.TamperedException.class, () -> cipher.decrypt("p", TOKEN));
    assertThrows(TokenCipher.TamperedException.class, () -> cipher.decrypt("p", "v1:***"));
  }

  @Test
  void refusesAnotherKeyOrAnotherPurpose() {
    String stored = cipher.encrypt("xero.access-token", TOKEN);
    TokenCipher other = new TokenCipher(TokenCipher.newKey());
    assertThrows(
        TokenCipher.TamperedException.class, () -> other.decrypt("xero.access-token", stored));
    // An access token cannot be passed off as a refresh token.
    assertThrows(
        TokenCipher.TamperedException.class, () -> cipher.decrypt("xero.refresh-token", stored));
  }

  @Test
  void wantsA256BitKey() {
    assertThrows(IllegalArgumentException.class, () -> new TokenCipher(new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new TokenCipher(null));
    assertFalse(cipher.toString().contains("="));
  }
}
