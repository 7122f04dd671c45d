package io.ledgerbridge.imports.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Xero's totals for a document, predicted exactly as Xero computes them (xero-api.md §5.5): each
 * line amount is {@code Quantity × UnitAmount × (100 − DiscountRate) / 100} rounded to 2 dp; each
 * line's tax is rounded to 2 dp (Exclusive {@code amount × rate}, Inclusive {@code amount × rate /
 * (1 + rate)}, NoTax 0) and the rounded taxes are summed.
 *
 * <p>This deliberately duplicates the rule in the sandbox's {@code DocumentMath}: the sandbox
 * simulates Xero and the importer predicts Xero, so neither may depend on the other; a test checks
 * both against the same examples from the documentation. Xero does not document its midpoint
 * rounding, so the mode is a parameter; the default is half away from zero (as the sandbox).
 */
public final class XeroTotals {

  /** Xero's {@code LineAmountTypes}. */
  public enum AmountTypes {
    Exclusive,
    Inclusive,
    NoTax
  }

  /** One line as Xero sees it; {@code ratePercent} is the TaxType's EffectiveRate (15 for 15%). */
  public record LineInput(
      BigDecimal quantity,
      BigDecimal unitAmount,
      BigDecimal discountRate,
      BigDecimal ratePercent) {}

  /** One line's computed amount and tax. */
  public record LineResult(BigDecimal lineAmount, BigDecimal taxAmount) {}

  /** A document's totals, and each line's. */
  public record Totals(
      BigDecimal subTotal, BigDecimal totalTax, BigDecimal total, List<LineResult> lines) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final RoundingMode mode;

  public XeroTotals(RoundingMode mode) {
    this.mode = mode;
  }

  /** Half away from zero, the default. */
  public static XeroTotals standard() {
    return new XeroTotals(RoundingMode.HALF_UP);
  }

  public BigDecimal round2(BigDecimal amount) {
    return amount.setScale(2, mode);
  }

  /** {@code Quantity × UnitAmount × (100 − DiscountRate) / 100}, to 2 dp. */
  public BigDecimal lineAmount(BigDecimal quantity, BigDecimal unitAmount, BigDecimal discount) {
    BigDecimal amount = quantity.multiply(unitAmount);
    if (discount != null && discount.signum() != 0) {
      amount = amount.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
    }
    return round2(amount);
  }

  /** One line's tax, rounded to 2 dp. */
  public BigDecimal lineTax(BigDecimal lineAmount, BigDecimal ratePercent, AmountTypes types) {
    if (types == AmountTypes.NoTax || ratePercent == null || ratePercent.signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal rate = ratePercent.divide(HUNDRED);
    if (types == AmountTypes.Inclusive) {
      return lineAmount
          .multiply(rate)
          .divide(BigDecimal.ONE.add(rate), 10, RoundingMode.HALF_UP)
          .setScale(2, mode);
    }
    return round2(lineAmount.multiply(rate));
  }

  public Totals totals(List<LineInput> lines, AmountTypes types) {
    BigDecimal sumAmounts = BigDecimal.ZERO.setScale(2);
    BigDecimal sumTax = BigDecimal.ZERO.setScale(2);
    List<LineResult> results = new java.util.ArrayList<>();
    for (LineInput line : lines) {
      BigDecimal amount = lineAmount(line.quantity(), line.unitAmount(), line.discountRate());
      BigDecimal tax = lineTax(amount, line.ratePercent(), types);
      results.add(new LineResult(amount, tax));
      sumAmounts = sumAmounts.add(amount);
      sumTax = sumTax.add(tax);
    }
    BigDecimal subTotal = types == AmountTypes.Inclusive ? sumAmounts.subtract(sumTax) : sumAmounts;
    return new Totals(subTotal, sumTax, subTotal.add(sumTax), List.copyOf(results));
  }
}
