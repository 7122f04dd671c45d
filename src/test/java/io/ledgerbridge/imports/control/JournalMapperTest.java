package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.settings.entity.TrackingMapping;
import io.ledgerbridge.xero.client.wire.ManualJournalLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalMapperTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 14);

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  private static AccountingSettings settings(Map<AccountRole, String> accounts) {
    return new AccountingSettings(
        AccountingMethod.PERPETUAL,
        accounts,
        null,
        Map.of(),
        List.of(
            new TrackingMapping(
                "Location", SourceField.BRANCH, Map.of("AKL", "Auckland", "WLG", "Wellington"))),
        new Numbering("SO-", "CN-", "{reference}", "{reference}"),
        DateSource.INVOICE_DATE,
        null,
        null,
        null);
  }

  private static final AccountingSettings PERPETUAL =
      settings(
          Map.of(
              AccountRole.SALES, "200",
              AccountRole.INVENTORY, "631",
              AccountRole.COGS, "310",
              AccountRole.STOCK_ADJUSTMENT, "330"));

  private static Mapping map(AccountingSettings settings, TransactionContent content) {
    return new DocumentMapper(
            settings,
            new AccountResolver(settings, null),
            type -> java.util.Optional.empty(),
            "NZD",
            "https://lb.example.com/ledgerbridge",
            XeroTotals.standard())
        .map(io.ledgerbridge.intake.entity.Kind.STOCK_ADJUSTMENT, 5L, "ADJ-7", content, null);
  }

  private static Line cost(String qty, String unitCost, String costAmount, String account) {
    return new Line(
        "WID",
        "Widget",
        d(qty),
        null,
        null,
        null,
        account,
        unitCost == null ? null : d(unitCost),
        costAmount == null ? null : d(costAmount),
        null);
  }

  private static TransactionContent adjustment(StockMovement movement, Line... lines) {
    return new TransactionContent(
        "ADJ-7",
        null,
        null,
        DATE,
        null,
        null,
        "NZD",
        null,
        "AKL",
        null,
        null,
        false,
        List.of(lines),
        null,
        false,
        movement);
  }

  private static List<String> codes(Mapping m) {
    return m.blocking().stream().map(Problem::code).toList();
  }

  private static String lines(Mapping m) {
    List<String> out = new ArrayList<>();
    for (ManualJournalLine l : m.journal().journalLines) {
      out.add(
          l.accountCode
              + " "
              + l.lineAmount.toPlainString()
              + (l.tracking == null ? "" : " " + l.tracking.get(0).option));
    }
    return String.join(", ", out);
  }

  @Test
  void aWriteOffCreditsInventoryAndDebitsTheAdjustmentAccountAtItsLocation() {
    Mapping m =
        map(
            PERPETUAL,
            adjustment(
                new StockMovement(StockMovement.Type.WRITE_OFF, "Water damage", "WLG", null, null),
                cost("-3", "12.50", null, null)));

    assertEquals(List.of(), codes(m));
    assertEquals("631 -37.50 Wellington, 330 37.50 Wellington", lines(m));
    assertEquals(DocumentMapper.JOURNAL_TYPE, m.xeroType());
    assertEquals("DRAFT", m.journal().status);
    assertEquals("NoTax", m.journal().lineAmountTypes);
    assertEquals(DATE, m.journal().date);
    assertEquals(
        "Stock adjustment ADJ-7 · Write-off · Water damage [LedgerBridge ADJ-7]",
        m.journal().narration);
    assertEquals(m.journal().narration, m.number());
    assertEquals(d("37.50"), m.xeroTotals().total());
    assertTrue(m.journal().url.endsWith("kind=stock-adjustment&id=5"));
    assertNull(m.contactId());
  }

  @Test
  void costAmountWinsOverUnitCostAndEachAccountIsRoundedOnceFromTheExactSum() {
    // 0.333334 + 0.333333 + 0.333333 = 1.00 rounded once; rounding each line first gives 0.99.
    Mapping m =
        map(
            PERPETUAL,
            adjustment(
                new StockMovement(StockMovement.Type.COUNT, null, null, null, null),
                cost("1", "99", "0.333334", null),
                cost("1", "99", "0.333333", null),
                cost("1", "99", "0.333333", null),
                cost("2", "4.005", null, "340")));

    assertEquals(List.of(), codes(m));
    // Stock in: inventory debited (at the branch's tracking, no location given), each account
    // credited; the inventory line is the sum of the rounded ones, so the journal balances.
    assertEquals("631 9.01 Auckland, 330 -1.00 Auckland, 340 -8.01 Auckland", lines(m));
    BigDecimal sum =
        m.journal().journalLines.stream()
            .map(l -> l.lineAmount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.signum());
  }

  @Test
  void aTransferMovesValueBetweenTrackedLocationsOnTheInventoryAccount() {
    Mapping m =
        map(
            PERPETUAL,
            adjustment(
                new StockMovement(StockMovement.Type.TRANSFER, null, null, "AKL", "WLG"),
                cost("-2", null, "-20.125", null),
                cost("2", null, "20.125", null)));

    assertEquals(List.of(), codes(m));
    assertEquals("631 20.13 Wellington, 631 -20.13 Auckland", lines(m));
  }

  @Test
  void aTransferBetweenLocationsXeroDoesNotTellApartPostsNothingAndSaysWhy() {
    Mapping m =
        map(
            PERPETUAL,
            adjustment(
                new StockMovement(StockMovement.Type.TRANSFER, null, null, "AKL", "CHC"),
                cost("-2", null, "-20", null),
                cost("2", null, "20", null)));

    assertEquals(List.of("TRANSFER_NOT_TRACKED"), codes(m));
    assertTrue(m.blocking().get(0).message().contains("CHC"), m.blocking().toString());
    assertEquals("", lines(m));
  }

  @Test
  void aLineWithoutAnyCostOrAMissingAccountBlocksWithTheReason() {
    Mapping noCost =
        map(
            PERPETUAL,
            adjustment(
                StockMovement.NONE, cost("1", "2", null, null), cost("1", null, null, null)));
    assertEquals(List.of("NO_COST"), codes(noCost));
    assertTrue(noCost.blocking().get(0).message().startsWith("Line 2 "));

    Mapping noAccounts =
        map(
            settings(Map.of(AccountRole.SALES, "200")),
            adjustment(StockMovement.NONE, cost("1", "2", null, null)));
    assertEquals(List.of("NO_ACCOUNT", "NO_ACCOUNT"), codes(noAccounts));
    assertTrue(noAccounts.blocking().get(0).message().contains("Inventory"));
  }

  @Test
  void aValueThatRoundsToZeroHasNothingToPost() {
    Mapping m = map(PERPETUAL, adjustment(StockMovement.NONE, cost("1", null, "0.004", null)));
    assertEquals(List.of("ZERO_TOTAL"), codes(m));
  }

  @Test
  void theNarrationIsUniqueShortAndSafeInAWhereFilter() {
    String reason = "Broke \"the\" shelf " + "x".repeat(400);
    Mapping m =
        map(
            PERPETUAL,
            adjustment(
                new StockMovement(StockMovement.Type.WRITE_OFF, reason, null, null, null),
                cost("-1", "5", null, null)));
    String narration = m.journal().narration;
    assertTrue(narration.length() <= JournalMapper.MAX_NARRATION, narration);
    assertTrue(narration.endsWith(" [LedgerBridge ADJ-7]"), narration);
    assertFalse(narration.contains("\""), narration);

    m.suffixNumber("-v2");
    assertTrue(m.journal().narration.endsWith(" [LedgerBridge ADJ-7-v2]"), m.journal().narration);
  }
}
