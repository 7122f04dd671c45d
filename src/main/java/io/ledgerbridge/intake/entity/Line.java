package io.ledgerbridge.intake.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One line of a source transaction, as sent. Amounts are exact decimals. */
public record Line(
    String sku,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent,
    String taxCode,
    String accountCode,
    BigDecimal unitCost) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Quantity × unit price less the discount, to 2 dp, as Xero computes a line amount. */
  public BigDecimal amount() {
    BigDecimal price = unitPrice == null ? BigDecimal.ZERO : unitPrice;
    BigDecimal gross = quantity.multiply(price);
    if (discountPercent != null && discountPercent.signum() != 0) {
      gross = gross.multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED);
    }
    return gross.setScale(2, RoundingMode.HALF_UP);
  }
}
