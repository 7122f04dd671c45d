package io.ledgerbridge.intake.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs an item through the intake pipeline the API uses: read, then validate. */
final class Items {

  static final int MAX_LINES = 500;

  private Items() {}

  static IncomingTransaction check(JsonObject item) {
    return TransactionValidator.validate(TransactionJsonReader.read(item, 0, MAX_LINES));
  }

  /** For inputs only raw JSON text can express (exponents, escapes). */
  static IncomingTransaction check(String json) {
    return check(parse(json));
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** field → message; a field reported twice would show both messages joined by " | ". */
  static Map<String, String> errors(IncomingTransaction item) {
    return item.errors().stream()
        .collect(
            Collectors.toMap(
                FieldError::field,
                FieldError::message,
                (a, b) -> a + " | " + b,
                LinkedHashMap::new));
  }
}
