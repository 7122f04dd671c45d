package io.ledgerbridge.intake.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of one version of a source transaction: everything the inventory system sends except
 * its identity (kind, source id) and version number. Validated before it reaches an entity.
 */
public record TransactionContent(
    String number,
    String reference,
    Contact contact,
    LocalDate date,
    LocalDate dueDate,
    LocalDate dispatchDate,
    String currency,
    BigDecimal currencyRate,
    String branch,
    String channel,
    String paymentMethod,
    boolean pricesIncludeTax,
    List<Line> lines,
    BigDecimal total,
    boolean voided,
    StockMovement movement) {

  public TransactionContent {
    lines = List.copyOf(lines);
    movement = movement == null ? StockMovement.NONE : movement;
  }

  /** Content without stock movement details (every kind but a stock adjustment). */
  public TransactionContent(
      String number,
      String reference,
      Contact contact,
      LocalDate date,
      LocalDate dueDate,
      LocalDate dispatchDate,
      String currency,
      BigDecimal currencyRate,
      String branch,
      String channel,
      String paymentMethod,
      boolean pricesIncludeTax,
      List<Line> lines,
      BigDecimal total,
      boolean voided) {
    this(
        number,
        reference,
        contact,
        date,
        dueDate,
        dispatchDate,
        currency,
        currencyRate,
        branch,
        channel,
        paymentMethod,
        pricesIncludeTax,
        lines,
        total,
        voided,
        StockMovement.NONE);
  }
}
