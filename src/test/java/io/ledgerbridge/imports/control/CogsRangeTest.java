package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ledgerbridge.platform.BusinessException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The months a COGS view covers, as the API and the page read them. */
class CogsRangeTest {

  private static final YearMonth NOW = YearMonth.of(2026, 11);

  @Test
  void noRangeIsTheTwelveMonthsUpToTheCurrentOneAsTheApiDoes() {
    assertEquals(new CogsRange(YearMonth.of(2025, 12), NOW), CogsRange.of(null, "  ", NOW));
  }

  @Test
  void onlyAnEndIsTheTwelveMonthsEndingThere() {
    assertEquals(
        new CogsRange(YearMonth.of(2040, 2), YearMonth.of(2041, 1)),
        CogsRange.of("", "2041-01", NOW));
  }

  @Test
  void onlyAStartRunsToTheCurrentMonth() {
    assertEquals(new CogsRange(YearMonth.of(2026, 9), NOW), CogsRange.of(" 2026-09 ", null, NOW));
  }

  @Test
  void oneMonth() {
    YearMonth m = YearMonth.of(2101, 7);
    assertEquals(new CogsRange(m, m), CogsRange.of("2101-07", "2101-07", NOW));
  }

  @Test
  void aBadMonthIsRefusedWithTheFieldNamedAndTheFormatShown() {
    BusinessException from =
        assertThrows(
            BusinessException.class, () -> CogsRange.of("From", "2040-13", "To", "2041-01", NOW));
    assertEquals("From must be a month as YYYY-MM, like 2026-11.", from.getMessage());
    BusinessException to =
        assertThrows(
            BusinessException.class, () -> CogsRange.of("From", null, "To", "November", NOW));
    assertEquals("To must be a month as YYYY-MM, like 2026-11.", to.getMessage());
    BusinessException year =
        assertThrows(
            BusinessException.class, () -> CogsRange.of("From", "1800-01", "To", null, NOW));
    assertEquals("From must be a month between 1900-01 and 9999-12.", year.getMessage());
  }

  @Test
  void theApiNamesItsParametersInLowerCase() {
    assertEquals(
        "to must be a month as YYYY-MM, like 2026-11.",
        assertThrows(BusinessException.class, () -> CogsRange.of(null, "2026-1", NOW))
            .getMessage());
  }

  @Test
  void monthsAreReadAsYyyyMmWithAClearMessage() {
    assertEquals(YearMonth.of(2026, 5), CogsRange.month("from", " 2026-05 "));
    assertEquals(
        "from is required, as YYYY-MM.",
        assertThrows(BusinessException.class, () -> CogsRange.month("from", " ")).getMessage());
    assertEquals(
        "to must be a month as YYYY-MM, like 2026-11.",
        assertThrows(BusinessException.class, () -> CogsRange.month("to", "2026-13")).getMessage());
    assertEquals(
        "to must be a month between 1900-01 and 9999-12.",
        assertThrows(BusinessException.class, () -> CogsRange.month("to", "1899-12")).getMessage());
  }
}
