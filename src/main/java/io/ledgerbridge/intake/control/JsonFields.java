package io.ledgerbridge.intake.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one field of an intake JSON object, for every intake reader: wrong types become field
 * errors, and numbers are read as exact decimals, never through binary floating point.
 */
final class JsonFields {

  private static final Set<JsonValue.ValueType> SCALARS =
      Set.of(JsonValue.ValueType.STRING, JsonValue.ValueType.NUMBER);

  private JsonFields() {}

  /** The field as raw text (a number as its plain digits); null when absent, null or refused. */
  static String scalar(JsonObject json, String name, String path, List<FieldError> errors) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!SCALARS.contains(value.getValueType())) {
      errors.add(
          new FieldError(
              path,
              "must be "
                  + (value.getValueType() == JsonValue.ValueType.TRUE
                          || value.getValueType() == JsonValue.ValueType.FALSE
                      ? "text or a number, not true/false"
                      : "text or a number, not "
                          + value.getValueType().name().toLowerCase(Locale.ROOT))));
      return null;
    }
    return value instanceof JsonString string
        ? string.getString()
        : ((JsonNumber) value).bigDecimalValue().toPlainString();
  }

  /** A decimal sent as a JSON number or a numeric string. */
  static BigDecimal decimal(JsonObject json, String name, String path, List<FieldError> errors) {
    JsonValue value = json.get(name);
    if (value instanceof JsonNumber number) {
      try {
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.precision() <= 38 && decimal.scale() >= -20 && decimal.scale() <= 38) {
          return decimal;
        }
      } catch (RuntimeException e) {
        // The JSON parser refuses numbers with absurd exponents; report them like any huge value.
      }
      errors.add(new FieldError(path, "is too large"));
      return null;
    }
    return Values.decimal(scalar(json, name, path, errors), path, errors);
  }
}
