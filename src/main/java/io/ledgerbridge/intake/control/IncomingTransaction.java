package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.TransactionContent;
import java.util.List;

/**
 * One transaction as read from a request (JSON or CSV), before it is stored. {@code kind}, {@code
 * sourceId} and {@code version} may be null when they could not be read; then {@code errors} says
 * why. Only an item without errors is stored.
 */
public record IncomingTransaction(
    int index,
    Kind kind,
    String kindText,
    String sourceId,
    Long version,
    TransactionContent content,
    List<FieldError> errors) {

  public IncomingTransaction {
    errors = List.copyOf(errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public IncomingTransaction withErrors(List<FieldError> more) {
    if (more.isEmpty()) {
      return this;
    }
    var all = new java.util.ArrayList<>(errors);
    all.addAll(more);
    return new IncomingTransaction(index, kind, kindText, sourceId, version, content, all);
  }

  /** The key that identifies a transaction: a source id is unique within its kind. */
  public String key() {
    return kind + "/" + sourceId;
  }
}
