package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import java.time.LocalDate;

/** The filters of a transaction list; null means "any". */
public record TransactionFilter(
    Kind kind,
    ImportState state,
    LocalDate from,
    LocalDate to,
    String branch,
    String contact,
    String text) {

  public static TransactionFilter of(Kind kind) {
    return new TransactionFilter(kind, null, null, null, null, null, null);
  }
}
