package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of a transaction list: what the list pages and the list API show. */
public record TransactionSummary(
    Long id,
    Kind kind,
    String sourceId,
    long version,
    String number,
    String reference,
    String contactCode,
    String contactName,
    LocalDate date,
    LocalDate dueDate,
    String currency,
    BigDecimal total,
    ImportState state,
    String branch,
    String channel,
    int lineCount,
    boolean voided,
    Instant updatedAt) {

  public Importability.Facts facts() {
    return new Importability.Facts(
        id, kind, state, voided, contactCode, contactName, lineCount, total, number, date);
  }
}
