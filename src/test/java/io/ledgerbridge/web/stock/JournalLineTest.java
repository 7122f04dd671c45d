package io.ledgerbridge.web.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview of a COGS journal: signed postings as debit and credit columns. */
class JournalLineTest {

  @Test
  void aPositiveAmountIsADebitAndANegativeOneACreditWithoutItsSign() {
    List<JournalLine> lines =
        JournalLine.of(
            List.of(
                new Posting("310", "AKL", new BigDecimal("3000.02")),
                new Posting("635", "AKL", new BigDecimal("-3000.02"))));
    assertEquals(new JournalLine("310", "AKL", new BigDecimal("3000.02"), null), lines.get(0));
    assertEquals(new JournalLine("635", "AKL", null, new BigDecimal("3000.02")), lines.get(1));
    assertEquals(new BigDecimal("3000.02"), JournalLine.debits(lines));
    assertEquals(new BigDecimal("3000.02"), JournalLine.credits(lines));
  }

  @Test
  void aDeltaThatFlipsCreditsCogsAndDebitsInventory() {
    JournalLine cogs = JournalLine.of(new Posting("310", null, new BigDecimal("-2.50")));
    assertNull(cogs.debit());
    assertEquals(new BigDecimal("2.50"), cogs.credit());
    assertNull(cogs.location());
  }

  @Test
  void noLinesTotalZero() {
    assertEquals(new BigDecimal("0.00"), JournalLine.debits(List.of()));
    assertEquals(new BigDecimal("0.00"), JournalLine.credits(List.of()));
  }
}
