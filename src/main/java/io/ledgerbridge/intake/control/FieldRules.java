package io.ledgerbridge.intake.control;

import io.ledgerbridge.platform.DateRules;
import io.ledgerbridge.platform.TextRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The field rules every intake item shares (transactions and stock valuations): source ids,
 * versions, text, currencies, dates and decimal ranges, each with its one message. Collects the
 * errors of one item; a field the reader already reported (a wrong type) is not reported again.
 */
final class FieldRules {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final List<FieldError> errors = new ArrayList<>();

  /** Errors the reader already found (wrong types). */
  private final List<FieldError> known;

  FieldRules(List<FieldError> known) {
    this.known = known;
  }

  /** The errors these rules found (not the known ones). */
  List<FieldError> errors() {
    return errors;
  }

  /** The source's own id of the item: required, at most 100 characters. */
  void sourceId(String value) {
    text("sourceId", value, 100, true);
  }

  /** The version that grows with every change at the source: required, 1 or more. */
  void version(Long version) {
    if (version == null) {
      if (!hasError("version")) {
        error("version", "is required: a whole number that grows with every change at the source");
      }
    } else if (version < 1) {
      error("version", "must be 1 or more");
    }
  }

  void currency(String field, String code, boolean required) {
    if (code == null) {
      if (required && !hasError(field)) {
        error(field, "is required: an ISO 4217 code such as NZD");
      }
      return;
    }
    if (!CURRENCY.matcher(code).matches()) {
      error(field, "must be a three-letter ISO 4217 code in capitals, such as NZD");
      return;
    }
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      error(field, "'" + code + "' is not an ISO 4217 currency code");
    }
  }

  void date(String field, LocalDate date, boolean required) {
    if (date == null) {
      if (required && !hasError(field)) {
        error(field, "is required (YYYY-MM-DD)");
      }
      return;
    }
    DateRules.problem(date).ifPresent(problem -> error(field, problem));
  }

  void range(String field, BigDecimal value, BigDecimal max, int maxScale) {
    if (value.abs().compareTo(max) > 0) {
      error(field, "is too large: at most " + max.toPlainString());
    } else if (value.stripTrailingZeros().scale() > maxScale) {
      error(field, "may have at most " + maxScale + " decimal places");
    }
  }

  void text(String field, String value, int max, boolean required) {
    if (value == null) {
      if (required && !hasError(field)) {
        error(field, "is required");
      }
      return;
    }
    if (value.length() > max) {
      error(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    } else {
      TextRules.problem(value, false).ifPresent(problem -> error(field, problem));
    }
  }

  void longText(String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      error(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    } else {
      TextRules.problem(value, true).ifPresent(problem -> error(field, problem));
    }
  }

  boolean hasError(String field) {
    return Stream.concat(known.stream(), errors.stream()).anyMatch(e -> e.field().equals(field));
  }

  boolean hasErrorUnder(String path) {
    return Stream.concat(known.stream(), errors.stream()).anyMatch(e -> e.field().startsWith(path));
  }

  void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }
}
