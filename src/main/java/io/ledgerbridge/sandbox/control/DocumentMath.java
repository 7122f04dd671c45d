package io.ledgerbridge.sandbox.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Xero's line and document arithmetic for invoices and credit notes: the line amount with its
 * discount, tax per line rounded to 2 decimals (then summed), and SubTotal/TotalTax/Total for
 * Exclusive, Inclusive and NoTax documents. Midpoints round half away from zero.
 */
public final class DocumentMath {

  public static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal ZERO_MONEY = new BigDecimal("0.00");

  /** SubTotal, TotalTax and Total of a document. */
  public record Totals(BigDecimal subTotal, BigDecimal totalTax, BigDecimal total) {}

  private DocumentMath() {}

  public static BigDecimal round2(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * Xero's spelling of a LineAmountTypes value ({@code Exclusive}, {@code Inclusive}, {@code
   * NoTax}), or null when it is none of them.
   */
  public static String lineAmountTypes(String text) {
    if (text == null) {
      return "Exclusive";
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "exclusive" -> "Exclusive";
      case "inclusive" -> "Inclusive";
      case "notax" -> "NoTax";
      default -> null;
    };
  }

  /** {@code Quantity × UnitAmount × (100 − DiscountRate)/100}, rounded to 2 dp. */
  public static BigDecimal lineAmount(
      BigDecimal quantity, BigDecimal unitAmount, BigDecimal discountRate) {
    BigDecimal gross = quantity.multiply(unitAmount);
    if (discountRate != null && discountRate.signum() != 0) {
      gross = gross.multiply(HUNDRED.subtract(discountRate)).divide(HUNDRED);
    }
    return round2(gross);
  }

  /**
   * The tax of one line, rounded to 2 dp: Exclusive {@code amount × rate}, Inclusive {@code amount
   * × rate / (1 + rate)}, NoTax 0. {@code ratePercent} is the TaxRate's EffectiveRate (15 for 15%).
   */
  public static BigDecimal lineTax(
      BigDecimal lineAmount, BigDecimal ratePercent, String lineAmountTypes) {
    if (ratePercent == null || ratePercent.signum() == 0 || "NoTax".equals(lineAmountTypes)) {
      return ZERO_MONEY;
    }
    BigDecimal rate = ratePercent.divide(HUNDRED);
    if ("Inclusive".equals(lineAmountTypes)) {
      return lineAmount
          .multiply(rate)
          .divide(BigDecimal.ONE.add(rate), 10, RoundingMode.HALF_UP)
          .setScale(2, RoundingMode.HALF_UP);
    }
    return round2(lineAmount.multiply(rate));
  }

  /**
   * The document totals from the line amounts and the (already rounded) line taxes: Exclusive
   * {@code SubTotal = ΣLineAmount, Total = SubTotal + ΣTax}; Inclusive {@code Total = ΣLineAmount,
   * SubTotal = Total − ΣTax}; NoTax no tax.
   */
  public static Totals totals(
      List<BigDecimal> lineAmounts, List<BigDecimal> lineTaxes, String lineAmountTypes) {
    BigDecimal lines = round2(lineAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    BigDecimal tax =
        "NoTax".equals(lineAmountTypes)
            ? ZERO_MONEY
            : round2(lineTaxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    if ("Inclusive".equals(lineAmountTypes)) {
      return new Totals(lines.subtract(tax), tax, lines);
    }
    return new Totals(lines, tax, lines.add(tax));
  }
}
