package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import io.ledgerbridge.imports.control.CogsPlan.Journal;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The periodic method's closing-stock journal of a month end (issue 12 §3, inventory-accounting.md
 * §3.3): it moves the change in stock value between the inventory asset account and the stock
 * movement account, so that Xero's inventory balance equals the inventory system's valuation. Pure.
 *
 * <p>The month's target is {@code valuation − (Xero's balance − this month's posted closing
 * journals + earlier months' closing journals not yet posted)}: the balance already holds what of
 * the month's journals was posted, so the plan ({@link CogsPlan}) sends only what is left — the
 * full movement while nothing is posted, a delta once something is. Always against Xero's balance,
 * never "valuation − last journal", so entries the accountant made by hand are absorbed. Drafts do
 * not count in Xero's balance: the plan updates the month's own draft in place, and an earlier
 * month's draft (March's, while April is planned) is counted as if posted, or April would move the
 * same stock again once both are posted.
 */
public final class ClosingStock {

  private ClosingStock() {}

  /**
   * What a month end's journal is computed from.
   *
   * @param valuation the inventory system's stock value at the month's last day, or null: none sent
   * @param currency the valuation's currency as sent, or null
   * @param xeroBalance Xero's balance of the inventory account at the month end, or null: not read
   * @param balanceProblem why Xero's balance could not be read (with a null balance), or null
   */
  public record MonthEnd(
      YearMonth month,
      BigDecimal valuation,
      String currency,
      BigDecimal xeroBalance,
      String balanceProblem) {

    /** A month end with no valuation. */
    public static MonthEnd none(YearMonth month) {
      return new MonthEnd(month, null, null, null, null);
    }
  }

  /**
   * The month's target journal.
   *
   * @param baseCurrency the organisation's base currency (manual journals are in it), or null
   * @param pendingBefore what earlier months' closing journals move into stock that Xero's balance
   *     does not hold yet (drafts, and journals not sent)
   */
  public static CogsCalculator.Month month(
      MonthEnd end,
      String baseCurrency,
      BigDecimal pendingBefore,
      List<Journal> journals,
      String inventoryAccount,
      String movementAccount) {
    YearMonth month = end.month();
    BigDecimal valuation = end.valuation();
    BigDecimal xeroBalance = end.xeroBalance();
    String balanceProblem = end.balanceProblem();
    List<Problem> blocking = new ArrayList<>();
    if (inventoryAccount == null) {
      blocking.add(
          new Problem(
              "NO_ACCOUNT",
              "Settings › Accounting has no inventory asset account for the closing-stock"
                  + " journal."));
    }
    if (movementAccount == null) {
      blocking.add(
          new Problem(
              "NO_ACCOUNT",
              "Settings › Accounting has no stock movement account (periodic closing stock)."));
    }
    if (valuation == null) {
      blocking.add(
          new Problem(
              "NO_VALUATION",
              "No stock valuation as at "
                  + month.atEndOfMonth()
                  + ": the inventory system sends it with POST /api/v1/stock-valuations."));
    } else if (end.currency() != null
        && baseCurrency != null
        && !end.currency().equalsIgnoreCase(baseCurrency)) {
      blocking.add(
          new Problem(
              "CURRENCY",
              "The stock valuation as at "
                  + month.atEndOfMonth()
                  + " is in "
                  + end.currency()
                  + ", and Xero's books are in "
                  + baseCurrency
                  + ": manual journals are in the base currency, so send the valuation in it."));
    } else if (xeroBalance == null && inventoryAccount != null) {
      blocking.add(
          new Problem(
              "XERO_BALANCE_UNKNOWN",
              "Xero's balance of account "
                  + inventoryAccount
                  + " at "
                  + month.atEndOfMonth()
                  + " could not be read"
                  + (balanceProblem == null ? "." : ": " + balanceProblem)));
    }
    if (!blocking.isEmpty()) {
      return new CogsCalculator.Month(month, List.of(), zero(), 0, 0, 0, blocking);
    }
    BigDecimal movement =
        valuation
            .subtract(xeroBalance.subtract(posted(journals, inventoryAccount)).add(pendingBefore))
            .setScale(2, RoundingMode.HALF_UP);
    return new CogsCalculator.Month(
        month, postings(movement, inventoryAccount, movementAccount), movement, 0, 0, 0, List.of());
  }

  /** The journal lines of a movement, debit first: none for no movement. */
  static List<Posting> postings(BigDecimal movement, String inventory, String stockMovement) {
    if (movement.signum() == 0) {
      return List.of();
    }
    Posting stock = new Posting(inventory, null, movement);
    Posting other = new Posting(stockMovement, null, movement.negate());
    return movement.signum() > 0 ? List.of(stock, other) : List.of(other, stock);
  }

  /** What the month's posted journals moved into the inventory account. */
  public static BigDecimal posted(List<Journal> journals, String inventoryAccount) {
    return movement(
        journals.stream().filter(Journal::posted).flatMap(j -> j.postings().stream()).toList(),
        inventoryAccount);
  }

  /**
   * What a month's closing journals will move into stock that Xero's balance does not hold yet:
   * when the run plans it ({@code planned}: a target, nothing blocking), the target less what is
   * posted (the open journal's lines after the plan); otherwise what its open journal holds now — a
   * draft, or one not yet sent. A journal deleted or voided in Xero holds nothing.
   */
  public static BigDecimal pending(
      CogsCalculator.Month month,
      boolean planned,
      List<Journal> journals,
      String inventoryAccount) {
    if (planned) {
      return month.cost().subtract(posted(journals, inventoryAccount));
    }
    return movement(
        journals.stream()
            .filter(j -> !j.closed() && !"DELETED".equals(j.status()))
            .flatMap(j -> j.postings().stream())
            .toList(),
        inventoryAccount);
  }

  /** The stock value a set of postings moves into the inventory account. */
  public static BigDecimal movement(List<Posting> postings, String inventoryAccount) {
    return postings.stream()
        .filter(p -> Objects.equals(p.account(), inventoryAccount))
        .map(Posting::amount)
        .reduce(zero(), BigDecimal::add);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
