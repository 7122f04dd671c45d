package io.ledgerbridge.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stored passwords: salted, slow, verifiable, and upgradable when the work factor rises. */
class PasswordHasherTest {

  // The minimum the hasher allows, to keep the test fast; production uses 210,000.
  private final PasswordHasher hasher = new PasswordHasher(10_000);

  @Test
  void theRightPasswordVerifies() {
    String stored = hasher.hash("correct horse battery".toCharArray());

    assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    String stored = hasher.hash("correct horse battery".toCharArray());

    assertFalse(hasher.verify("correct horse batterY".toCharArray(), stored));
    assertFalse(hasher.verify("".toCharArray(), stored));
  }

  @Test
  void theStoredFormNamesAlgorithmAndIterationsAndHidesThePassword() {
    String stored = hasher.hash("s3cret-password".toCharArray());

    String[] parts = stored.split("\\$");
    assertEquals(4, parts.length);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertEquals("10000", parts[1]);
    assertFalse(stored.contains("s3cret"));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
    String first = hasher.hash("same password".toCharArray());
    String second = hasher.hash("same password".toCharArray());

    assertNotEquals(first, second);
    assertNotEquals(first.split("\\$")[2], second.split("\\$")[2], "salts differ");
    assertTrue(hasher.verify("same password".toCharArray(), first));
    assertTrue(hasher.verify("same password".toCharArray(), second));
  }

  @Test
  void aHashMadeWithOtherIterationsStillVerifiesButNeedsRehashing() {
    String old = hasher.hash("password-1234".toCharArray());
    PasswordHasher stronger = new PasswordHasher(20_000);

    assertTrue(stronger.verify("password-1234".toCharArray(), old));
    assertTrue(stronger.needsRehash(old));
    assertFalse(hasher.needsRehash(old));
    assertFalse(stronger.needsRehash(stronger.hash("password-1234".toCharArray())));
  }

  @Test
  void damagedOrForeignHashesNeverVerify() {
    String good = hasher.hash("pw".toCharArray());
    String[] parts = good.split("\\$");
    for (String stored :
        new String[] {
          null,
          "",
          "plain-text-password",
          "bcrypt$10000$" + parts[2] + "$" + parts[3],
          "pbkdf2-sha256$many$" + parts[2] + "$" + parts[3],
          "pbkdf2-sha256$0$" + parts[2] + "$" + parts[3],
          "pbkdf2-sha256$10000$%%%$" + parts[3],
          "pbkdf2-sha256$10000$" + parts[2]
        }) {
      assertFalse(hasher.verify("pw".toCharArray(), stored), String.valueOf(stored));
    }
    assertTrue(hasher.needsRehash("plain-text-password"));
  }

  @Test
  void tooFewIterationsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(9_999));
  }

  @Test
  void tokenHashIsHexSha256() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        PasswordHasher.tokenHash("abc"));
  }

  @Test
  void newTokensAreRandomUrlSafeAndRecognisable() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String token = PasswordHasher.newToken();
      assertTrue(token.matches("lbt_[A-Za-z0-9_-]{43}"), token);
      tokens.add(token);
    }
    assertEquals(50, tokens.size());
  }
}
