package io.ledgerbridge.web.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ledgerbridge.platform.BusinessException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The months the COGS page shows: the API's defaults and its rule for reading a month. */
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
        assertThrows(BusinessException.class, () -> CogsRange.of("2040-13", "2041-01", NOW));
    assertEquals("From must be a month as YYYY-MM, like 2026-11.", from.getMessage());
    BusinessException to =
        assertThrows(BusinessException.class, () -> CogsRange.of(null, "November", NOW));
    assertEquals("To must be a month as YYYY-MM, like 2026-11.", to.getMessage());
    BusinessException year =
        assertThrows(BusinessException.class, () -> CogsRange.of("1800-01", null, NOW));
    assertEquals("From must be a month between 1900-01 and 9999-12.", year.getMessage());
  }
}
