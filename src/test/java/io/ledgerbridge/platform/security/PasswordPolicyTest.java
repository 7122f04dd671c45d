package io.ledgerbridge.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NIST SP 800-63B's rules for new passwords. */
class PasswordPolicyTest {

  private static Optional<String> problem(String username, String password) {
    return PasswordPolicy.problem(username, password == null ? null : password.toCharArray());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"password123", "PASSWORD123", "Qwertyuiop", "1234567890", "administrator"})
  void passwordsKnownFromBreachesAreRefused(String password) {
    assertEquals(
        Optional.of("This password is in lists of passwords known from breaches; choose another."),
        problem("mary", password));
  }

  @Test
  void theUsernameInAnyCaseOrWithPunctuationIsRefused() {
    assertEquals(
        Optional.of("A password cannot be the username."), problem("mary.jones", "Mary.Jones"));
    assertEquals(
        Optional.of("A password cannot be the username."), problem("mary.jones", "maryjones!"));
    assertEquals(
        Optional.of("A password cannot be the product's name."), problem("mary", "LedgerBridge1"));
  }

  @Test
  void blankRepeatedShortAndOverlongPasswordsAreRefused() {
    assertEquals(Optional.of("A password cannot be only spaces."), problem("mary", " ".repeat(12)));
    assertEquals(
        Optional.of("A password cannot be only spaces."), problem("mary", "\t \u2003".repeat(4)));
    assertEquals(
        Optional.of("A password cannot be one character repeated."),
        problem("mary", "zzzzzzzzzzzz"));
    assertEquals(
        Optional.of("A password needs at least 10 characters."), problem("mary", "short-pw"));
    assertEquals(Optional.of("A password needs at least 10 characters."), problem("mary", null));
    assertTrue(problem("mary", "x".repeat(150) + "y".repeat(51)).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"correct horse battery", "Tui-Kōwhai-Kererū", "it-admin-Passw0rd!"})
  void longUncommonPasswordsAreAccepted(String password) {
    assertEquals(Optional.empty(), problem("mary", password));
  }
}
