package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.platform.TextRules;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text of one field (from JSON or CSV) into a typed value, recording a clear error
 * against the field's path instead of throwing. Text is trimmed and put in Unicode NFC, so "é"
 * typed two ways is stored one way.
 */
final class Values {

  private Values() {}

  static String text(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.strip();
    return trimmed.isEmpty() ? null : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
  }

  static BigDecimal decimal(String raw, String field, List<FieldError> errors) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    if (text.length() > 40) {
      errors.add(new FieldError(field, "must be a decimal number of at most 40 characters"));
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.scale() < -20 || value.precision() > 38) {
        errors.add(new FieldError(field, "is too large"));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(
          new FieldError(
              field, "must be a decimal number such as 12.50, not '" + shorten(text) + "'"));
      return null;
    }
  }

  static Long integer(String raw, String field, List<FieldError> errors) {
    List<FieldError> parseErrors = new java.util.ArrayList<>();
    BigDecimal value = decimal(raw, field, parseErrors);
    if (!parseErrors.isEmpty()) {
      return fail(field, errors);
    }
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > 0) {
      return fail(field, errors);
    }
    try {
      return Long.valueOf(value.longValueExact());
    } catch (ArithmeticException e) {
      return fail(field, errors);
    }
  }

  private static Long fail(String field, List<FieldError> errors) {
    errors.add(new FieldError(field, "must be a whole number between 1 and 9223372036854775807"));
    return null;
  }

  static LocalDate date(String raw, String field, List<FieldError> errors) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field, "must be a date in the form YYYY-MM-DD, not '" + shorten(text) + "'"));
      return null;
    }
  }

  static Boolean bool(String raw, String field, List<FieldError> errors) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1":
        return true;
      case "false", "no", "0":
        return false;
      default:
        errors.add(new FieldError(field, "must be true or false"));
        return null;
    }
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** A stock adjustment's movement fields; an unknown type is an error on adjustmentType. */
  static StockMovement movement(
      String type,
      String reason,
      String location,
      String fromLocation,
      String toLocation,
      List<FieldError> errors) {
    String typeText = text(type);
    StockMovement.Type parsed = null;
    if (typeText != null) {
      parsed = StockMovement.Type.parse(typeText).orElse(null);
      if (parsed == null) {
        errors.add(
            new FieldError(
                "adjustmentType",
                "must be one of WRITE_OFF, COUNT, REVALUATION, TRANSFER, not '"
                    + TextRules.printable(shorten(typeText))
                    + "'"));
      }
    }
    return new StockMovement(
        parsed, text(reason), text(location), text(fromLocation), text(toLocation));
  }
}
