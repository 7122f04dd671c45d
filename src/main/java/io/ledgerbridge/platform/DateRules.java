package io.ledgerbridge.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The dates LedgerBridge accepts anywhere: in intake, in list, audit and import-run filters, on
 * pages and in the REST API. Xero keeps dates between 1900 and 2199 and so does LedgerBridge;
 * outside them a filter would overflow (a year of 999,999,999 matches everything).
 */
public final class DateRules {

  public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  public static final LocalDate MAX = LocalDate.of(2199, 12, 31);

  private DateRules() {}

  /** Why the date cannot be used, or empty. */
  public static Optional<String> problem(LocalDate date) {
    return date.isBefore(MIN) || date.isAfter(MAX)
        ? Optional.of("must be between " + MIN + " and " + MAX)
        : Optional.empty();
  }

  /**
   * A filter date from text: null when blank.
   *
   * @throws BusinessException (400) naming {@code name} when the text is not a date in range
   */
  public static LocalDate parse(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BusinessException(
          name + " must be a date in the form YYYY-MM-DD, not '" + abbreviate(value) + "'.");
    }
    Optional<String> problem = problem(date);
    if (problem.isPresent()) {
      throw new BusinessException(name + " " + problem.get() + ", not " + value + ".");
    }
    return date;
  }

  private static String abbreviate(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(40)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.codePointCount(0, text.length()) > 40 ? out + "…" : out.toString();
  }
}
