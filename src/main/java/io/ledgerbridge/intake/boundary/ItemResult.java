package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.FieldError;
import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** What happened to one item of an intake request; {@code kind} null for items without one. */
public record ItemResult(
    int index, String kind, String sourceId, Outcome outcome, List<FieldError> errors) {

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED
  }

  /** The item's entry in an intake answer's {@code results}. */
  JsonObjectBuilder json() {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("index", index);
    if (kind != null) {
      json.add("kind", kind);
    }
    if (sourceId != null) {
      json.add("sourceId", sourceId);
    }
    json.add("outcome", outcome.name());
    JsonArrayBuilder array = JsonFactory.createArrayBuilder();
    for (FieldError e : errors) {
      array.add(
          JsonFactory.createObjectBuilder().add("field", e.field()).add("message", e.message()));
    }
    return json.add("errors", array);
  }
}
