package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.StockValuationContent;
import java.util.List;

/**
 * One stock valuation as read from a request, before it is stored. {@code sourceId} and {@code
 * version} may be null when they could not be read; then {@code errors} says why. Only an item
 * without errors is stored.
 */
public record IncomingValuation(
    int index,
    String sourceId,
    Long version,
    StockValuationContent content,
    List<FieldError> errors) {

  public IncomingValuation {
    errors = List.copyOf(errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
