package io.ledgerbridge.web.stock;

import io.ledgerbridge.imports.boundary.CogsService;
import java.time.YearMonth;

/**
 * The months the COGS page shows, read from its {@code from} and {@code to} parameters with the
 * API's rule ({@link CogsService#month}) and its defaults ({@code CogsResource}): up to the current
 * month, and the twelve months ending with {@code to}. Whether the range is too long or ends before
 * it starts is the ledger's to say, as it says it to the API.
 */
public record CogsRange(YearMonth from, YearMonth to) {

  /** The twelve months up to {@code to} when no start is given, as the API does. */
  static final int DEFAULT_MONTHS = 12;

  /**
   * @throws io.ledgerbridge.platform.BusinessException naming the field that is not a month
   */
  public static CogsRange of(String fromText, String toText, YearMonth now) {
    YearMonth to = blank(toText) ? now : CogsService.month("To", toText);
    YearMonth from =
        blank(fromText) ? to.minusMonths(DEFAULT_MONTHS - 1) : CogsService.month("From", fromText);
    return new CogsRange(from, to);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
