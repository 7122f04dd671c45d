package io.ledgerbridge.intake.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a source transaction, as sent. Amounts are exact decimals.
 *
 * @param costAmount the extended cost of the units moved, in base currency, up to 6 dp: on a sale
 *     or customer credit what was shipped or restocked (not always unit cost × quantity under FIFO
 *     or average cost); on a stock adjustment the signed change in stock value (negative = stock
 *     out). Null: {@code unitCost × quantity}.
 * @param restock on a customer credit line, whether the goods went back into stock (null: yes)
 * @param location the stock location the line's value belongs to, for its tracking: set on the
 *     lines of COGS journals LedgerBridge makes; null on what the inventory system sends
 */
public record Line(
    String sku,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent,
    String taxCode,
    String accountCode,
    BigDecimal unitCost,
    BigDecimal costAmount,
    Boolean restock,
    String location) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A line as the inventory system sends it: no location of its own. */
  public Line(
      String sku,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      String taxCode,
      String accountCode,
      BigDecimal unitCost,
      BigDecimal costAmount,
      Boolean restock) {
    this(
        sku,
        description,
        quantity,
        unitPrice,
        discountPercent,
        taxCode,
        accountCode,
        unitCost,
        costAmount,
        restock,
        null);
  }

  /** A line without cost amount or restock flag (both defaulted). */
  public Line(
      String sku,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      String taxCode,
      String accountCode,
      BigDecimal unitCost) {
    this(
        sku,
        description,
        quantity,
        unitPrice,
        discountPercent,
        taxCode,
        accountCode,
        unitCost,
        null,
        null,
        null);
  }

  /**
   * The cost the line moves, unrounded: {@code costAmount} when sent, else {@code unitCost ×
   * quantity} (signed as the quantity), else null when neither is known.
   */
  public BigDecimal cost() {
    if (costAmount != null) {
      return costAmount;
    }
    if (unitCost == null || quantity == null) {
      return null;
    }
    return unitCost.multiply(quantity);
  }

  /** Whether a returned line went back into stock (the default). */
  public boolean restocked() {
    return restock == null || restock;
  }

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
