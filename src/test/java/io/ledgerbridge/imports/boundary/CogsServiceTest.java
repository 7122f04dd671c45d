package io.ledgerbridge.imports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerbridge.imports.boundary.CogsLedger.Planned;
import io.ledgerbridge.imports.control.CogsCalculator;
import io.ledgerbridge.imports.control.CogsPlan;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the COGS page and API say about the months asked for and a run that sends nothing. */
class CogsServiceTest {

  private static final YearMonth MAY = YearMonth.of(2026, 5);

  private static Planned month(YearMonth month, Problem... blocking) {
    CogsCalculator.Month m =
        new CogsCalculator.Month(
            month, List.of(), BigDecimal.ZERO.setScale(2), 1, 0, 0, List.of(blocking));
    return new Planned(m, CogsPlan.of(m, List.of(), null, false), null, List.of());
  }

  @Test
  void aRunThatSendsNothingSaysWhichMonthsAreBlockedAndWhy() {
    String message =
        CogsService.nothingToImport(
            MAY,
            MAY.plusMonths(1),
            List.of(
                month(
                    MAY, new Problem("NO_ACCOUNT", "Cost of goods sold: the account is not set.")),
                month(MAY.plusMonths(1))));
    assertEquals(
        "Nothing can be imported for 2026-05 to 2026-06. 2026-05: Cost of goods sold: the account"
            + " is not set.",
        message);
  }

  @Test
  void aRunWithNothingBlockedAndNothingToSendSaysSo() {
    assertEquals(
        "Nothing to import for 2026-05: no cost to post, and Xero already holds every journal.",
        CogsService.nothingToImport(MAY, MAY, List.of(month(MAY))));
  }
}
