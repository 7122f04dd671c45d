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
    boolean voided) {

  public TransactionContent {
    lines = List.copyOf(lines);
  }
}
