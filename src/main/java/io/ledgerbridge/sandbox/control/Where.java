package io.ledgerbridge.sandbox.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Xero's {@code where} language LedgerBridge uses: equality ({@code ==} or {@code =})
 * and inequality on fields, joined by {@code AND}, e.g. {@code Status=="ACTIVE" AND Code=="200"}.
 * Text equality is case- and accent-insensitive, as at Xero. Anything else is a query error.
 */
public final class Where {

  private static final Pattern CLAUSE =
      Pattern.compile(
          "\\s*([A-Za-z][A-Za-z0-9.]*)\\s*(==|=|!=)\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|true|false|-?\\d+(?:\\.\\d+)?)\\s*");

  private Where() {}

  /** A predicate on an object's JSON, or an exception whose message explains the error. */
  public static Predicate<JsonObject> parse(String where) {
    if (where == null || where.isBlank()) {
      return json -> true;
    }
    List<Predicate<JsonObject>> clauses = new ArrayList<>();
    for (String part : where.split("(?i)\\s+AND\\s+|&&")) {
      Matcher m = CLAUSE.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("Operator '" + part.trim() + "' is not supported");
      }
      String field = m.group(1);
      boolean negate = m.group(2).equals("!=");
      String expected = m.group(4) != null ? m.group(4).replace("\\\"", "\"") : m.group(3);
      Predicate<JsonObject> clause = json -> fold(value(json, field)).equals(fold(expected));
      clauses.add(negate ? clause.negate() : clause);
    }
    return json -> clauses.stream().allMatch(c -> c.test(json));
  }

  private static String value(JsonObject json, String path) {
    JsonValue current = json;
    for (String part : path.split("\\.")) {
      if (!(current instanceof JsonObject object)) {
        return "";
      }
      JsonValue next = null;
      for (String key : object.keySet()) {
        if (key.equalsIgnoreCase(part)) {
          next = object.get(key);
        }
      }
      current = next;
    }
    if (current == null || current.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    return current instanceof jakarta.json.JsonString s ? s.getString() : current.toString();
  }

  /** Case- and accent-insensitive form of a value. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim();
  }
}
