package io.ledgerbridge.intake.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A line's amount as Xero computes it: quantity × price less discount, rounded half up to cents.
 */
class LineTest {

  private static BigDecimal amount(String quantity, String price, String discount) {
    return new Line(
            "SKU",
            null,
            new BigDecimal(quantity),
            price == null ? null : new BigDecimal(price),
            discount == null ? null : new BigDecimal(discount),
            null,
            null,
            null)
        .amount();
  }

  @Test
  void quantityTimesPriceIsExact() {
    assertEquals(new BigDecimal("0.30"), amount("3", "0.1", null));
    assertEquals(new BigDecimal("12345678.90"), amount("1", "12345678.9012", null));
  }

  @Test
  void roundsHalfUpToTwoDecimals() {
    assertEquals(new BigDecimal("0.13"), amount("1", "0.125", null));
    assertEquals(new BigDecimal("0.12"), amount("1", "0.1249", null));
    assertEquals(new BigDecimal("-0.13"), amount("-1", "0.125", null));
  }

  @Test
  void appliesTheDiscountBeforeRounding() {
    // 10 × 19.99 = 199.90, less 12.5 % = 174.9125
    assertEquals(new BigDecimal("174.91"), amount("10", "19.99", "12.5"));
    assertEquals(new BigDecimal("0.00"), amount("3", "7.77", "100"));
    assertEquals(new BigDecimal("23.31"), amount("3", "7.77", "0"));
  }

  @Test
  void aLineWithoutPriceIsWorthNothing() {
    assertEquals(new BigDecimal("0.00"), amount("-5", null, null));
  }
}
