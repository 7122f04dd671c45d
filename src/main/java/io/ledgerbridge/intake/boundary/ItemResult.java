package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.FieldError;
import java.util.List;

/** What happened to one item of an intake request. */
public record ItemResult(
    int index, String kind, String sourceId, Outcome outcome, List<FieldError> errors) {

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED
  }
}
