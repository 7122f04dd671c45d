package io.ledgerbridge.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B §5.1.1.2: long enough, not all whitespace, not
 * the username or the product's name, not one character repeated or a run of the keyboard's digits,
 * and not in a list of passwords known from breaches. No composition rules (they make passwords
 * weaker, not stronger). One rule for every path that sets a password: the users page, the first
 * admin from configuration and password resets.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;
  private static final Set<String> COMMON = load("common-passwords.txt");

  private PasswordPolicy() {}

  /** Why the password may not be used, or empty when it may. */
  public static Optional<String> problem(String username, char[] password) {
    if (password == null || password.length < MIN_LENGTH) {
      return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
    }
    if (password.length > MAX_LENGTH) {
      return Optional.of("A password may have at most " + MAX_LENGTH + " characters.");
    }
    String text = new String(password);
    if (text.isBlank()) {
      return Optional.of("A password cannot be only spaces.");
    }
    String lower = text.strip().toLowerCase(Locale.ROOT);
    String letters = lower.replaceAll("[^\\p{L}\\p{N}]", "");
    if (username != null && !username.isBlank()) {
      String name = username.strip().toLowerCase(Locale.ROOT);
      if (lower.equals(name) || letters.equals(name.replaceAll("[^\\p{L}\\p{N}]", ""))) {
        return Optional.of("A password cannot be the username.");
      }
    }
    if (letters.replaceAll("\\d", "").equals("ledgerbridge")) {
      return Optional.of("A password cannot be the product's name.");
    }
    if (lower.codePoints().distinct().count() == 1) {
      return Optional.of("A password cannot be one character repeated.");
    }
    if (COMMON.contains(lower)) {
      return Optional.of(
          "This password is in lists of passwords known from breaches; choose another.");
    }
    return Optional.empty();
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
