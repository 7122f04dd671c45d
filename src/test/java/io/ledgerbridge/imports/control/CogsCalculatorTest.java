package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.CogsCalculator.CostLine;
import io.ledgerbridge.imports.control.CogsCalculator.Month;
import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import io.ledgerbridge.imports.control.CogsPlan.Journal;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.OverrideScope;
import io.ledgerbridge.settings.entity.PerDirection;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.settings.entity.TrackingMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The month's COGS (issue 12 §2) and the open journal after posting (inventory-accounting §3.4).
 */
class CogsCalculatorTest {

  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  private static AccountingSettings settings(DateSource dates) {
    return settings(dates, List.of());
  }

  private static AccountingSettings settings(DateSource dates, List<TrackingMapping> tracking) {
    return new AccountingSettings(
        AccountingMethod.PERPETUAL,
        Map.of(AccountRole.INVENTORY, "631", AccountRole.COGS, "500"),
        null,
        Map.of(),
        tracking,
        new Numbering("", "", "{reference}", "{reference}"),
        dates,
        null,
        null,
        null);
  }

  private static final CogsCalculator CALC = new CogsCalculator(settings(DateSource.INVOICE_DATE));

  private static long ids;

  private static CostLine sale(String day, String branch, String cost) {
    return new CostLine(
        ++ids, Kind.SALE, LocalDate.parse(day), null, branch, cost == null ? null : d(cost), true);
  }

  private static CostLine credit(String day, String cost, boolean restocked) {
    return new CostLine(
        ++ids, Kind.CUSTOMER_CREDIT, LocalDate.parse(day), null, null, d(cost), restocked);
  }

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  private static List<String> text(List<Posting> postings) {
    return postings.stream()
        .map(
            p ->
                p.account()
                    + " "
                    + p.amount().toPlainString()
                    + (p.location() == null ? "" : " " + p.location()))
        .toList();
  }

  private static Month march(CostLine... lines) {
    return CALC.months(MARCH, MARCH, List.of(lines)).get(0);
  }

  @Test
  void threeSalesOf10_005AreRoundedOnceTo30_02() {
    Month m =
        march(
            sale("2024-03-12", null, "10.005"),
            sale("2024-03-15", null, "10.005"),
            sale("2024-03-18", null, "10.005"));
    assertEquals(List.of("500 30.02", "631 -30.02"), text(m.target()));
    assertEquals(d("30.02"), m.cost());
    assertEquals(3, m.sales());
    assertEquals(LocalDate.of(2024, 3, 31), m.lastDay());
  }

  @Test
  void restockedReturnsReduceCogsAndScrappedOnesDoNot() {
    Month m =
        march(
            sale("2024-03-12", null, "390.00"),
            credit("2024-03-20", "32.50", true),
            credit("2024-03-21", "6.50", false));
    assertEquals(List.of("500 357.50", "631 -357.50"), text(m.target()));
    assertEquals(2, m.returns());
  }

  /** Branches tracked as Region: AKL and NTH share Auckland, WLG is Wellington, CHC unmapped. */
  private static final CogsCalculator TRACKED =
      new CogsCalculator(
          settings(
              DateSource.INVOICE_DATE,
              List.of(
                  new TrackingMapping(
                      "Region",
                      SourceField.BRANCH,
                      Map.of("AKL", "Auckland", "NTH", "Auckland", "WLG", "Wellington")))));

  @Test
  void costsAreGroupedPerTrackedLocationEachRoundedOnce() {
    Month m =
        TRACKED
            .months(
                MARCH,
                MARCH,
                List.of(
                    sale("2024-03-01", "AKL", "60.0049"),
                    sale("2024-03-02", "AKL", "40.0001"),
                    sale("2024-03-03", "WLG", "40")))
            .get(0);
    assertEquals(
        List.of("500 100.01 AKL", "631 -100.01 AKL", "500 40.00 WLG", "631 -40.00 WLG").stream()
            .sorted()
            .toList(),
        text(m.target()).stream().sorted().toList());
    assertEquals(d("140.01"), m.cost());
  }

  @Test
  void untrackedBranchesAreOneSumRoundedOnce() {
    // Rounded per branch this would be 3 × 10.01 = 30.03: Xero's books cannot tell them apart.
    Month m =
        march(
            sale("2024-03-12", "AKL", "10.005"),
            sale("2024-03-15", "WLG", "10.005"),
            sale("2024-03-18", "CHC", "10.005"));
    assertEquals(List.of("500 30.02", "631 -30.02"), text(m.target()));
    assertEquals(d("30.02"), m.cost());
  }

  @Test
  void branchesWithTheSameTrackingOptionAreSummedBeforeRounding() {
    Month m =
        TRACKED
            .months(
                MARCH,
                MARCH,
                List.of(
                    sale("2024-03-12", "NTH", "10.005"),
                    sale("2024-03-15", "AKL", "10.005"),
                    sale("2024-03-18", "CHC", "10.005")))
            .get(0);
    // AKL and NTH are both Auckland: one sum (20.01) under the first name; CHC has no option and
    // keeps its own line, which the preview blocks until it is mapped.
    assertEquals(
        List.of("500 20.01 AKL", "631 -20.01 AKL", "500 10.01 CHC", "631 -10.01 CHC").stream()
            .sorted()
            .toList(),
        text(m.target()).stream().sorted().toList());
    assertEquals("AKL", TRACKED.location(" NTH "));
    assertNull(CALC.location("NTH"));
    assertNull(TRACKED.location("  "));
  }

  @Test
  void aProductsCogsAndInventoryOverridesTakeItsCostToTheirOwnAccounts() {
    AccountingSettings base = settings(DateSource.INVOICE_DATE);
    AccountingSettings s =
        new AccountingSettings(
            base.accountingMethod(),
            base.accounts(),
            Map.of(
                OverrideScope.PRODUCT,
                Map.of("GIFT", new PerDirection(null, null, "300", "636")),
                OverrideScope.CONTACT,
                Map.of("TRADE", new PerDirection(null, null, "320", null))),
            base.taxMappings(),
            base.tracking(),
            base.numbering(),
            base.xeroDate(),
            null,
            null,
            null);
    CostLine gift =
        new CostLine(1, Kind.SALE, MARCH.atDay(2), null, null, "GIFT", "TRADE", d("2.505"), true);
    CostLine trade =
        new CostLine(2, Kind.SALE, MARCH.atDay(3), null, null, "MUG", "TRADE", d("1.5"), true);
    CostLine plain =
        new CostLine(3, Kind.SALE, MARCH.atDay(4), null, null, "MUG", "RETAIL", d("4"), true);
    Month m = new CogsCalculator(s).months(MARCH, MARCH, List.of(gift, trade, plain)).get(0);
    assertEquals(
        List.of("300 2.51", "320 1.50", "500 4.00", "631 -5.50", "636 -2.51"),
        text(m.target()).stream().sorted().toList());
    assertEquals(d("8.01"), m.cost());
  }

  @Test
  void aSaleCountsInTheMonthOfItsXeroDate() {
    CogsCalculator byDispatch = new CogsCalculator(settings(DateSource.DISPATCH_DATE));
    CostLine shippedInApril =
        new CostLine(
            1, Kind.SALE, LocalDate.of(2024, 3, 30), LocalDate.of(2024, 4, 2), null, d("5"), true);
    List<Month> months = byDispatch.months(MARCH, MARCH.plusMonths(1), List.of(shippedInApril));
    assertTrue(months.get(0).target().isEmpty());
    assertEquals(List.of("500 5.00", "631 -5.00"), text(months.get(1).target()));
    assertEquals(
        List.of("500 5.00", "631 -5.00"),
        text(CALC.months(MARCH, MARCH, List.of(shippedInApril)).get(0).target()));
  }

  @Test
  void linesWithoutACostAreCountedNotGuessed() {
    Month m = march(sale("2024-03-01", null, null), sale("2024-03-02", null, "1.00"));
    assertEquals(1, m.uncosted());
    assertEquals(List.of("500 1.00", "631 -1.00"), text(m.target()));
  }

  @Test
  void withoutTheAccountsTheMonthIsBlocked() {
    AccountingSettings none =
        new AccountingSettings(
            AccountingMethod.PERPETUAL,
            Map.of(),
            null,
            Map.of(),
            List.of(),
            new Numbering("", "", "{reference}", "{reference}"),
            DateSource.INVOICE_DATE,
            null,
            null,
            null);
    Month m =
        new CogsCalculator(none)
            .months(MARCH, MARCH, List.of(sale("2024-03-01", null, "1")))
            .get(0);
    assertEquals(
        List.of("NO_ACCOUNT", "NO_ACCOUNT"), m.blocking().stream().map(p -> p.code()).toList());
    assertTrue(m.target().isEmpty());
  }

  @Test
  void tenThousandSalesAt4To6DecimalPlacesGiveTheExactSumRoundedOnce() {
    Random random = new Random(12);
    List<CostLine> lines = new ArrayList<>();
    BigDecimal exact = BigDecimal.ZERO;
    BigDecimal perLine = BigDecimal.ZERO;
    for (int i = 0; i < 10_000; i++) {
      int scale = 4 + random.nextInt(3);
      BigDecimal cost = BigDecimal.valueOf(random.nextInt(5_000_000), scale);
      lines.add(sale(MARCH.atDay(1 + random.nextInt(28)).toString(), null, cost.toPlainString()));
      exact = exact.add(cost);
      perLine = perLine.add(cost.setScale(2, RoundingMode.HALF_UP));
    }
    Month m = CALC.months(MARCH, MARCH, lines).get(0);
    BigDecimal once = exact.setScale(2, RoundingMode.HALF_UP);
    assertEquals(List.of("500 " + once, "631 -" + once), text(m.target()));
    // The figure differs from rounding each sale first (which is what it must not do).
    BigDecimal rounded = perLine;
    assertTrue(once.compareTo(rounded) != 0, () -> once + " vs " + rounded);
  }

  // ---- the open journal ---------------------------------------------------------------------

  private static Journal journal(String sourceId, String status, String... postings) {
    List<Posting> list = new ArrayList<>();
    for (String p : postings) {
      String[] parts = p.split(" ");
      list.add(new Posting(parts[0], parts.length > 2 ? parts[2] : null, d(parts[1])));
    }
    return new Journal(
        1L,
        sourceId,
        sourceId,
        MARCH.atEndOfMonth(),
        list,
        status == null ? null : "id-" + sourceId,
        status,
        true);
  }

  @Test
  void withNothingPostedTheFirstJournalHoldsTheTarget() {
    Month m = march(sale("2024-03-12", null, "30.02"));
    CogsPlan plan = CogsPlan.of(m, List.of(), null, false);
    assertEquals("cogs-2024-03", plan.sourceId());
    assertEquals("COGS 2024-03", plan.number());
    assertEquals(List.of("500 30.02", "631 -30.02"), text(plan.postings()));

    CogsPlan draft =
        CogsPlan.of(
            m, List.of(journal("cogs-2024-03", "DRAFT", "500 30.02", "631 -30.02")), null, false);
    assertEquals("cogs-2024-03", draft.sourceId());
    assertTrue(!draft.changes(), "unchanged: nothing to store or send");
  }

  @Test
  void oncePostedADeltaJournalHoldsTargetLessPostedAndFlipsSides() {
    Journal posted = journal("cogs-2024-03", "POSTED", "500 30.02", "631 -30.02");
    CogsPlan delta =
        CogsPlan.of(march(sale("2024-03-12", null, "35.02")), List.of(posted), null, false);
    assertEquals("cogs-2024-03-d1", delta.sourceId());
    assertEquals("COGS 2024-03 delta 1", delta.number());
    assertEquals(List.of("500 5.00", "631 -5.00"), text(delta.postings()));

    Journal open = journal("cogs-2024-03-d1", "DRAFT", "500 5.00", "631 -5.00");
    CogsPlan flipped =
        CogsPlan.of(march(sale("2024-03-12", null, "27.52")), List.of(posted, open), null, false);
    assertEquals("cogs-2024-03-d1", flipped.sourceId());
    assertEquals(List.of("500 -2.50", "631 2.50"), text(flipped.postings()));

    CogsPlan back =
        CogsPlan.of(march(sale("2024-03-12", null, "30.02")), List.of(posted, open), null, false);
    assertEquals("cogs-2024-03-d1", back.sourceId());
    assertTrue(back.postings().isEmpty(), "the draft is emptied, to be deleted");
    assertTrue(back.changes());

    Journal deleted = journal("cogs-2024-03-d1", "DELETED", "500 5.00", "631 -5.00");
    CogsPlan none =
        CogsPlan.of(
            march(sale("2024-03-12", null, "30.02")), List.of(posted, deleted), null, false);
    assertNull(none.sourceId(), "nothing to post and no draft: nothing is sent");
  }

  @Test
  void aPostedDeltaMakesTheNextChangeANewDelta() {
    Journal posted = journal("cogs-2024-03", "POSTED", "500 30.02", "631 -30.02");
    Journal d1 = journal("cogs-2024-03-d1", "POSTED", "500 5.00", "631 -5.00");
    CogsPlan plan =
        CogsPlan.of(march(sale("2024-03-12", null, "37.02")), List.of(posted, d1), null, false);
    assertEquals("cogs-2024-03-d2", plan.sourceId());
    assertEquals(List.of("500 2.00", "631 -2.00"), text(plan.postings()));
  }

  @Test
  void aLockedMonthIsBookedOnTheFirstOpenDayOnlyWhenAskedFor() {
    Month m = march(sale("2024-03-12", null, "2.00"));
    LocalDate lock = LocalDate.of(2024, 3, 31);
    assertEquals(LocalDate.of(2024, 3, 31), CogsPlan.of(m, List.of(), lock, false).date());
    assertEquals(LocalDate.of(2024, 4, 1), CogsPlan.of(m, List.of(), lock, true).date());
  }

  @Test
  void aJournalPostedBeforeItsLatestVersionWasSentBlocksTheMonth() {
    Journal stale =
        new Journal(
            1L,
            "cogs-2024-03",
            "COGS 2024-03",
            MARCH.atEndOfMonth(),
            List.of(new Posting("500", null, d("1")), new Posting("631", null, d("-1"))),
            "id",
            "POSTED",
            false);
    CogsPlan plan =
        CogsPlan.of(march(sale("2024-03-12", null, "2.00")), List.of(stale), null, false);
    assertNull(plan.sourceId());
    assertEquals("POSTED_NOT_AS_RECORDED", plan.blocking().get(0).code());
  }

  @Test
  void sourceIdsNameTheirMonth() {
    assertEquals(MARCH, CogsPlan.month("cogs-2024-03-d12").orElseThrow());
    assertEquals(MARCH, CogsPlan.month("cogs-2024-03").orElseThrow());
    assertTrue(CogsPlan.month("cogs-2024-3").isEmpty());
  }
}
