package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.ClosingStock.MonthEnd;
import io.ledgerbridge.imports.control.CogsCalculator.Month;
import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import io.ledgerbridge.imports.control.CogsPlan.Journal;
import io.ledgerbridge.imports.control.CogsPlan.Series;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The periodic closing-stock journal, with inventory-accounting.md §6 acceptance check 13: 631
 * inventory, 520 stock movement.
 */
class ClosingStockTest {

  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final YearMonth APRIL = YearMonth.of(2024, 4);

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  private static List<Posting> lines(String... postings) {
    List<Posting> list = new ArrayList<>();
    for (String p : postings) {
      String[] parts = p.split(" ");
      list.add(new Posting(parts[0], null, d(parts[1])));
    }
    return list;
  }

  private static Journal journal(
      YearMonth month, String sourceId, String status, String... postings) {
    return new Journal(
        1L,
        sourceId,
        sourceId,
        month.atEndOfMonth(),
        lines(postings),
        status == null ? null : "id-" + sourceId,
        status,
        true);
  }

  private static Month month(YearMonth m, String valuation, String balance, Journal... journals) {
    return month(m, valuation, balance, "0.00", journals);
  }

  private static Month month(
      YearMonth m, String valuation, String balance, String pendingBefore, Journal... journals) {
    return ClosingStock.month(
        new MonthEnd(m, d(valuation), "NZD", d(balance), null),
        "NZD",
        d(pendingBefore),
        List.of(journals),
        "631",
        "520");
  }

  private static Month blocked(MonthEnd end, String inventory, String movement) {
    return ClosingStock.month(end, "NZD", d("0.00"), List.of(), inventory, movement);
  }

  @Test
  void marchTheFirstValuationMovesItAllIntoStock() {
    Month march = month(MARCH, "286.0000", "0.00");
    assertEquals(lines("631 286.00", "520 -286.00"), march.target());
    assertEquals(d("286.00"), march.cost());

    CogsPlan plan = CogsPlan.of(Series.CLOSING_STOCK, march, List.of(), null, false);
    assertEquals("closing-2024-03", plan.sourceId());
    assertEquals("Closing stock 2024-03", plan.number());
    assertEquals(MARCH.atEndOfMonth(), plan.date());
    assertEquals(lines("631 286.00", "520 -286.00"), plan.postings());
  }

  @Test
  void aprilALowerValuationCreditsStock() {
    Month april = month(APRIL, "250.00", "286.00");
    assertEquals(lines("520 36.00", "631 -36.00"), april.target());
  }

  @Test
  void aNewerValuationWhileTheDraftIsUnpostedUpdatesTheSameJournal() {
    Journal draft = journal(APRIL, "closing-2024-04", "DRAFT", "520 36.00", "631 -36.00");
    // Drafts are not in Xero's balance: it still says 286.00.
    Month april = month(APRIL, "240.00", "286.00", draft);

    CogsPlan plan = CogsPlan.of(Series.CLOSING_STOCK, april, List.of(draft), null, false);

    assertEquals("closing-2024-04", plan.sourceId(), "the same journal, updated in place");
    assertTrue(plan.changes());
    assertEquals(lines("520 46.00", "631 -46.00"), plan.postings());
  }

  @Test
  void onceThePostedJournalIsInXerosBalanceARerunSendsNothing() {
    Journal posted = journal(MARCH, "closing-2024-03", "POSTED", "631 286.00", "520 -286.00");
    Month march = month(MARCH, "286.00", "286.00", posted);

    assertEquals(d("286.00"), march.cost(), "the month's movement, posted journal included");
    CogsPlan plan = CogsPlan.of(Series.CLOSING_STOCK, march, List.of(posted), null, false);
    assertNull(plan.sourceId(), "nothing left to post");
  }

  @Test
  void aRevisedValuationAfterPostingGoesIntoADelta() {
    Journal posted = journal(MARCH, "closing-2024-03", "POSTED", "631 286.00", "520 -286.00");
    Month march = month(MARCH, "280.00", "286.00", posted);

    CogsPlan plan = CogsPlan.of(Series.CLOSING_STOCK, march, List.of(posted), null, false);

    assertEquals("closing-2024-03-d1", plan.sourceId());
    assertEquals("Closing stock 2024-03 delta 1", plan.number());
    // A delta's lines come in the plan's key order (as COGS deltas do), not debit first.
    assertEquals(lines("631 -6.00", "520 6.00"), plan.postings());
  }

  @Test
  void anEntryTheAccountantMadeByHandIsAbsorbed() {
    // Xero's balance holds 10.00 the accountant journalled to stock by hand: only 276.00 is moved.
    Month march = month(MARCH, "286.00", "10.00");
    assertEquals(lines("631 276.00", "520 -276.00"), march.target());
  }

  @Test
  void noValuationNoAccountOrNoBalanceBlocksTheMonthWithTheReason() {
    Month none = blocked(MonthEnd.none(MARCH), "631", "520");
    assertEquals(List.of("NO_VALUATION"), codes(none.blocking()));
    assertTrue(none.target().isEmpty());

    Month noAccount = blocked(new MonthEnd(MARCH, d("1"), null, d("0"), null), "631", null);
    assertEquals(List.of("NO_ACCOUNT"), codes(noAccount.blocking()));

    Month unread =
        blocked(new MonthEnd(MARCH, d("1"), "NZD", null, "Xero did not answer"), "631", "520");
    assertEquals(List.of("XERO_BALANCE_UNKNOWN"), codes(unread.blocking()));
    assertTrue(unread.blocking().get(0).message().endsWith(": Xero did not answer"));

    Month dollars = blocked(new MonthEnd(MARCH, d("1"), "usd", d("0"), null), "631", "520");
    assertEquals(List.of("CURRENCY"), codes(dollars.blocking()));
    assertTrue(dollars.blocking().get(0).message().contains("in usd"), dollars::toString);
  }

  @Test
  void valuationsAtSixPlacesAreRoundedOnceHalfUp() {
    assertEquals(lines("631 100.01", "520 -100.01"), month(MARCH, "100.005000", "0").target());
    assertTrue(month(MARCH, "0.004", "0").target().isEmpty(), "less than a cent moves nothing");
  }

  @Test
  void anEarlierMonthsDraftCountsAsIfPostedSoTheSameStockIsNotMovedTwice() {
    // March and April in one run: March's draft (+286.00) is not in Xero's balance at April's end.
    Month march = month(MARCH, "286.00", "0.00");
    BigDecimal pending = ClosingStock.pending(march, true, List.of(), "631");
    assertEquals(d("286.00"), pending);
    Month april = month(APRIL, "250.00", "0.00", pending.toPlainString());
    assertEquals(lines("520 36.00", "631 -36.00"), april.target(), "250 − (0 + 286)");
  }

  @Test
  void aPostedEarlierMonthIsInTheBalanceAndPendsNothing() {
    Journal posted = journal(MARCH, "closing-2024-03", "POSTED", "631 286.00", "520 -286.00");
    Month march = month(MARCH, "286.00", "286.00", posted);
    assertEquals(d("0.00"), ClosingStock.pending(march, true, List.of(posted), "631"));
  }

  @Test
  void aMonthThatIsNotPlannedPendsWhatItsOpenDraftHoldsAndADeletedOneNothing() {
    Journal draft = journal(MARCH, "closing-2024-03", "DRAFT", "631 286.00", "520 -286.00");
    Journal unsent = journal(MARCH, "closing-2024-04", null, "631 -10.00", "520 10.00");
    Journal deleted = journal(MARCH, "closing-2024-05", "DELETED", "631 99.00", "520 -99.00");
    Journal voided = journal(MARCH, "closing-2024-06", "VOIDED", "631 7.00", "520 -7.00");
    assertEquals(
        d("276.00"),
        ClosingStock.pending(null, false, List.of(draft, unsent, deleted, voided), "631"));
  }

  @Test
  void closingStockSourceIdsAreNotCogsOnes() {
    assertEquals(MARCH, Series.CLOSING_STOCK.month("closing-2024-03-d2").orElseThrow());
    assertTrue(Series.CLOSING_STOCK.month("cogs-2024-03").isEmpty());
    assertTrue(Series.COGS.month("closing-2024-03").isEmpty());
  }

  private static List<String> codes(List<Problem> problems) {
    return problems.stream().map(Problem::code).toList();
  }
}
