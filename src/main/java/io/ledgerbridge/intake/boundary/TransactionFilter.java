package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import java.time.LocalDate;

/**
 * The filters of a transaction list; null means "any". A {@link Readiness} keeps only waiting
 * transactions, judged by the import rules.
 */
public record TransactionFilter(
    Kind kind,
    ImportState state,
    LocalDate from,
    LocalDate to,
    String branch,
    String contact,
    String text,
    Readiness readiness) {

  public TransactionFilter(
      Kind kind,
      ImportState state,
      LocalDate from,
      LocalDate to,
      String branch,
      String contact,
      String text) {
    this(kind, state, from, to, branch, contact, text, null);
  }

  public static TransactionFilter of(Kind kind) {
    return new TransactionFilter(kind, null, null, null, null, null, null);
  }

  /** This filter, keeping only the transactions with this readiness (null: any). */
  public TransactionFilter withReadiness(Readiness readiness) {
    return new TransactionFilter(kind, state, from, to, branch, contact, text, readiness);
  }
}
