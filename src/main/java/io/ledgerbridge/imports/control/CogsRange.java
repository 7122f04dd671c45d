package io.ledgerbridge.imports.control;

import io.ledgerbridge.platform.BusinessException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The months a COGS view covers, read as the REST API ({@code GET /api/v1/inventory/cogs}) and the
 * Stock › COGS page both read them: {@code YYYY-MM}; no end means the current month, no start the
 * twelve months ending with the end. Whether the range is too long or ends before it starts is the
 * ledger's to say.
 */
public record CogsRange(YearMonth from, YearMonth to) {

  /** The twelve months up to {@code to} when no start is given. */
  static final int DEFAULT_MONTHS = 12;

  /** The range from the API's {@code from} and {@code to} parameters. */
  public static CogsRange of(String fromText, String toText, YearMonth now) {
    return of("from", fromText, "to", toText, now);
  }

  /**
   * The range from two fields, named in the message as the caller shows them.
   *
   * @throws BusinessException naming the field that is not a month
   */
  public static CogsRange of(
      String fromName, String fromText, String toName, String toText, YearMonth now) {
    YearMonth to = blank(toText) ? now : month(toName, toText);
    YearMonth from =
        blank(fromText) ? to.minusMonths(DEFAULT_MONTHS - 1) : month(fromName, fromText);
    return new CogsRange(from, to);
  }

  /**
   * A month as {@code YYYY-MM}, between 1900 and 9999.
   *
   * @throws BusinessException naming the field, with the format, when it is blank or not a month
   */
  public static YearMonth month(String name, String text) {
    if (blank(text)) {
      throw new BusinessException(name + " is required, as YYYY-MM.");
    }
    try {
      YearMonth m = YearMonth.parse(text.trim());
      if (m.getYear() < 1900 || m.getYear() > 9999) {
        throw new BusinessException(name + " must be a month between 1900-01 and 9999-12.");
      }
      return m;
    } catch (DateTimeParseException e) {
      throw new BusinessException(name + " must be a month as YYYY-MM, like 2026-11.");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
