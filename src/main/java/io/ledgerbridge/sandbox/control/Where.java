package io.ledgerbridge.sandbox.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's {@code where} and {@code order} query languages, as far as LedgerBridge and its users need
 * them:
 *
 * <ul>
 *   <li>comparisons {@code ==} (or {@code =}), {@code !=}, {@code >}, {@code >=}, {@code <}, {@code
 *       <=} of a field (dotted paths such as {@code Contact.ContactID}) with a string, a number,
 *       {@code true}/{@code false}/{@code null}, {@code guid("…")} or {@code DateTime(2026, 01,
 *       31)} (optionally with hours, minutes and seconds);
 *   <li>{@code Field.Contains("x")}, {@code .StartsWith("x")} and {@code .EndsWith("x")};
 *   <li>{@code AND} / {@code &&}, {@code OR} / {@code ||} (AND binds tighter), {@code NOT} and
 *       parentheses.
 * </ul>
 *
 * Text comparisons ignore case and accents, as Xero's do. Dates compare as instants whether the
 * field holds {@code /Date(ms+0000)/} or an ISO date. Anything else is a query error whose message
 * explains it (the caller answers Xero's {@code QueryParseException}).
 */
public final class Where {

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|(==|!=|<>|>=|<=|=|>|<|&&|\\|\\||\\(|\\)|,|\\.)"
              + "|(-?\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_]*))");
  private static final java.util.Set<String> OPERATORS =
      java.util.Set.of("==", "=", "!=", "<>", ">", ">=", "<", "<=");
  private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

  private Where() {}

  /** A predicate on an object's JSON, or an IllegalArgumentException explaining the error. */
  public static Predicate<JsonObject> parse(String where) {
    if (where == null || where.isBlank()) {
      return json -> true;
    }
    Parser parser = new Parser(tokens(where));
    Predicate<JsonObject> predicate = parser.or();
    if (!parser.atEnd()) {
      throw new IllegalArgumentException("Unexpected '" + parser.peek() + "' in the where clause");
    }
    return predicate;
  }

  /**
   * The ordering of Xero's {@code order} parameter ({@code "Date DESC, InvoiceNumber"}), or null
   * when none is given (the caller keeps its default order).
   */
  public static Comparator<JsonObject> order(String order) {
    if (order == null || order.isBlank()) {
      return null;
    }
    Comparator<JsonObject> result = null;
    for (String part : order.split(",")) {
      String[] words = part.trim().split("\\s+");
      if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
        throw new IllegalArgumentException("Order '" + part.trim() + "' is not supported");
      }
      if (!words[0].matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        throw new IllegalArgumentException("Order '" + part.trim() + "' is not supported");
      }
      boolean descending = false;
      if (words.length == 2) {
        if (words[1].equalsIgnoreCase("DESC")) {
          descending = true;
        } else if (!words[1].equalsIgnoreCase("ASC")) {
          throw new IllegalArgumentException("Order '" + part.trim() + "' is not supported");
        }
      }
      String field = words[0];
      Comparator<JsonObject> byField =
          (a, b) -> compareValues(rawValue(a, field), rawValue(b, field));
      if (descending) {
        byField = byField.reversed();
      }
      result = result == null ? byField : result.thenComparing(byField);
    }
    return result;
  }

  /** Case- and accent-insensitive form of a value. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim();
  }

  // ---- values
  // ------------------------------------------------------------------------------------

  /** A literal in a where clause. */
  private sealed interface Literal {}

  private record Text(String value) implements Literal {}

  private record Number(BigDecimal value) implements Literal {}

  private record Bool(boolean value) implements Literal {}

  private record Null() implements Literal {}

  private record Moment(Instant value) implements Literal {}

  private static JsonValue rawValue(JsonObject json, String path) {
    JsonValue current = json;
    for (String part : path.split("\\.")) {
      if (!(current instanceof JsonObject object)) {
        return null;
      }
      JsonValue next = null;
      for (String key : object.keySet()) {
        if (key.equalsIgnoreCase(part)) {
          next = object.get(key);
        }
      }
      current = next;
    }
    return current == null || current.getValueType() == JsonValue.ValueType.NULL ? null : current;
  }

  private static String text(JsonValue value) {
    if (value == null) {
      return "";
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  /** A JSON value as an instant, or null when it is no date. */
  static Instant instant(JsonValue value) {
    if (!(value instanceof JsonString s)) {
      return null;
    }
    String text = s.getString().trim();
    Matcher ms = MS_DATE.matcher(text);
    if (ms.matches()) {
      return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static BigDecimal number(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (value instanceof JsonString s) {
      try {
        return new BigDecimal(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Compares a field's value with a literal; null when they cannot be compared. */
  private static Integer compare(JsonValue actual, Literal expected) {
    if (expected instanceof Null) {
      return actual == null ? 0 : 1;
    }
    if (expected instanceof Bool b) {
      return actual == null
          ? null
          : Boolean.compare(
              actual.getValueType() == JsonValue.ValueType.TRUE
                  || "true".equalsIgnoreCase(text(actual)),
              b.value());
    }
    if (expected instanceof Number n) {
      BigDecimal value = number(actual);
      return value == null ? null : value.compareTo(n.value());
    }
    if (expected instanceof Moment m) {
      Instant value = instant(actual);
      return value == null ? null : value.compareTo(m.value());
    }
    return fold(text(actual)).compareTo(fold(((Text) expected).value()));
  }

  /** Order of two field values: missing values first, then dates, numbers or folded text. */
  private static int compareValues(JsonValue a, JsonValue b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    Instant da = instant(a);
    Instant db = instant(b);
    if (da != null && db != null) {
      return da.compareTo(db);
    }
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null) {
      return na.compareTo(nb);
    }
    return fold(text(a)).compareTo(fold(text(b)));
  }

  // ---- parsing
  // -----------------------------------------------------------------------------------

  private static List<String> tokens(String where) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(where);
    int at = 0;
    while (at < where.length()) {
      if (where.substring(at).isBlank()) {
        break;
      }
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            "Unexpected character '" + where.strip().charAt(0) + "' in the where clause");
      }
      tokens.add(m.group().trim());
      at = m.end();
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private int next;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return next >= tokens.size();
    }

    String peek() {
      return atEnd() ? "" : tokens.get(next);
    }

    private boolean accept(String... options) {
      for (String option : options) {
        if (!atEnd() && peek().equalsIgnoreCase(option)) {
          next++;
          return true;
        }
      }
      return false;
    }

    private String take(String what) {
      if (atEnd()) {
        throw new IllegalArgumentException("The where clause ends where " + what + " was expected");
      }
      return tokens.get(next++);
    }

    private void expect(String token) {
      String found = take("'" + token + "'");
      if (!found.equals(token)) {
        throw new IllegalArgumentException(
            "Expected '" + token + "' but found '" + found + "' in the where clause");
      }
    }

    Predicate<JsonObject> or() {
      Predicate<JsonObject> left = and();
      while (accept("OR", "||")) {
        left = left.or(and());
      }
      return left;
    }

    Predicate<JsonObject> and() {
      Predicate<JsonObject> left = unary();
      while (accept("AND", "&&")) {
        left = left.and(unary());
      }
      return left;
    }

    Predicate<JsonObject> unary() {
      if (accept("NOT", "!")) {
        return unary().negate();
      }
      if (accept("(")) {
        Predicate<JsonObject> inner = or();
        expect(")");
        return inner;
      }
      return condition();
    }

    Predicate<JsonObject> condition() {
      String field = identifier();
      List<String> path = new ArrayList<>(List.of(field));
      while (accept(".")) {
        String part = identifier();
        if (!atEnd() && peek().equals("(")) {
          return method(String.join(".", path), part);
        }
        path.add(part);
      }
      String fieldPath = String.join(".", path);
      String operator = take("an operator");
      if (!OPERATORS.contains(operator)) {
        throw new IllegalArgumentException("Operator '" + operator + "' is not supported");
      }
      Literal literal = literal();
      return json -> {
        Integer c = compare(rawValue(json, fieldPath), literal);
        return switch (operator) {
          case "==", "=" -> c != null && c == 0;
          case "!=", "<>" -> c == null || c != 0;
          case ">" -> c != null && c > 0;
          case ">=" -> c != null && c >= 0;
          case "<" -> c != null && c < 0;
          case "<=" -> c != null && c <= 0;
          default -> throw new IllegalStateException(operator);
        };
      };
    }

    private Predicate<JsonObject> method(String fieldPath, String name) {
      expect("(");
      String argument = string();
      expect(")");
      String wanted = fold(argument);
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "contains" -> json -> fold(text(rawValue(json, fieldPath))).contains(wanted);
        case "startswith" -> json -> fold(text(rawValue(json, fieldPath))).startsWith(wanted);
        case "endswith" -> json -> fold(text(rawValue(json, fieldPath))).endsWith(wanted);
        default -> throw new IllegalArgumentException("Method '" + name + "' is not supported");
      };
    }

    private String identifier() {
      String token = take("a field name");
      if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
        throw new IllegalArgumentException(
            "Expected a field name but found '" + token + "' in the where clause");
      }
      return token;
    }

    private String string() {
      String token = take("a quoted value");
      if (!token.startsWith("\"")) {
        throw new IllegalArgumentException(
            "Expected a quoted value but found '" + token + "' in the where clause");
      }
      return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    private Literal literal() {
      String token = peek();
      if (token.startsWith("\"")) {
        return new Text(string());
      }
      if (token.matches("-?\\d+(?:\\.\\d+)?")) {
        next++;
        return new Number(new BigDecimal(token));
      }
      String word = take("a value");
      switch (word.toLowerCase(Locale.ROOT)) {
        case "true":
          return new Bool(true);
        case "false":
          return new Bool(false);
        case "null":
          return new Null();
        case "guid":
          {
            expect("(");
            String id = string();
            expect(")");
            return new Text(id);
          }
        case "datetime":
          return dateTime();
        default:
          throw new IllegalArgumentException(
              "Expected a value but found '" + word + "' in the where clause");
      }
    }

    private Literal dateTime() {
      expect("(");
      if (peek().startsWith("\"")) {
        String text = string();
        expect(")");
        Instant instant = instant(io.ledgerbridge.platform.JsonFactory.createValue(text));
        if (instant == null) {
          throw new IllegalArgumentException("DateTime(\"" + text + "\") is not a date");
        }
        return new Moment(instant);
      }
      List<Integer> parts = new ArrayList<>();
      do {
        String token = take("a number");
        try {
          parts.add(Integer.parseInt(token));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("DateTime expects numbers, not '" + token + "'");
        }
      } while (accept(","));
      expect(")");
      if (parts.size() != 3 && parts.size() != 6) {
        throw new IllegalArgumentException(
            "DateTime takes year, month, day and optionally hour, minute, second");
      }
      try {
        LocalDateTime at =
            parts.size() == 3
                ? LocalDate.of(parts.get(0), parts.get(1), parts.get(2)).atStartOfDay()
                : LocalDateTime.of(
                    parts.get(0),
                    parts.get(1),
                    parts.get(2),
                    parts.get(3),
                    parts.get(4),
                    parts.get(5));
        return new Moment(at.toInstant(ZoneOffset.UTC));
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("DateTime" + parts + " is not a date");
      }
    }
  }
}
