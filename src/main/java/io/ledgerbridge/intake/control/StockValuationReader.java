package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.StockValuationContent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks one element of {@code {"valuations":[…]}} (inventory-accounting.md §4.4). The
 * fields transactions also have follow the transactions' rules ({@link FieldRules}); amounts are
 * exact decimals up to 6 places within a transaction total's bounds; {@code total} must equal the
 * locations' values plus {@code inTransit} exactly when locations are given, since the
 * closing-stock journal posts the total (locations are stored, not journalled). Unknown fields (the
 * optional per-SKU {@code lines} among them) are ignored.
 */
public final class StockValuationReader {

  /** More locations than any inventory system has; keeps one item's work bounded. */
  public static final int MAX_LOCATIONS = 1_000;

  static final int AMOUNT_SCALE = 6;

  private final List<FieldError> errors = new ArrayList<>();

  private StockValuationReader() {}

  /** The item read, with every type and rule error found. */
  public static IncomingValuation read(JsonObject item, int index) {
    return new StockValuationReader().readItem(item, index);
  }

  private IncomingValuation readItem(JsonObject item, int index) {
    String sourceId = text(item, "sourceId");
    Long version =
        Values.integer(JsonFields.scalar(item, "version", "version", errors), "version", errors);
    StockValuationContent content =
        new StockValuationContent(
            Values.date(JsonFields.scalar(item, "asAt", "asAt", errors), "asAt", errors),
            text(item, "currency"),
            text(item, "method"),
            JsonFields.decimal(item, "total", "total", errors),
            JsonFields.decimal(item, "inTransit", "inTransit", errors),
            JsonFields.decimal(item, "receivedNotBilled", "receivedNotBilled", errors),
            JsonFields.decimal(item, "billedNotReceived", "billedNotReceived", errors),
            Map.of());
    List<String> names = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    boolean locationsGiven = readLocations(item, names, values);

    FieldRules rules = new FieldRules(errors);
    rules.sourceId(sourceId);
    rules.version(version);
    rules.date("asAt", content.asAt(), true);
    rules.currency("currency", content.currency(), false);
    rules.text("method", content.method(), 50, false);
    if (content.total() == null) {
      if (!rules.hasError("total")) {
        rules.error("total", "is required: the value of all the stock at the end of asAt");
      }
    } else {
      amount(rules, "total", content.total());
    }
    amount(rules, "inTransit", content.inTransit());
    amount(rules, "receivedNotBilled", content.receivedNotBilled());
    amount(rules, "billedNotReceived", content.billedNotReceived());

    Map<String, BigDecimal> locations = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String path = "locations[" + i + "]";
      if (rules.hasError(path)) {
        continue;
      }
      String name = names.get(i);
      rules.text(path + ".location", name, 100, true);
      BigDecimal value = values.get(i);
      if (value == null) {
        if (!rules.hasError(path + ".value")) {
          rules.error(path + ".value", "is required");
        }
      } else {
        amount(rules, path + ".value", value);
      }
      if (name != null) {
        Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        if (first != null) {
          rules.error(
              path + ".location",
              "'"
                  + name
                  + "' is given twice (also locations["
                  + first
                  + "]); send each location once");
        } else if (value != null) {
          locations.put(name, value);
        }
      }
    }
    if (locationsGiven
        && !names.isEmpty()
        && content.total() != null
        && !rules.hasErrorUnder("locations")
        && !rules.hasError("total")
        && !rules.hasError("inTransit")) {
      BigDecimal sum = locations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal inTransit = content.inTransit() == null ? BigDecimal.ZERO : content.inTransit();
      BigDecimal expected = sum.add(inTransit);
      if (content.total().compareTo(expected) != 0) {
        rules.error(
            "total",
            "is "
                + plain(content.total())
                + " but the locations' values ("
                + plain(sum)
                + ") plus inTransit ("
                + plain(inTransit)
                + ") come to "
                + plain(expected)
                + "; total must equal them exactly");
      }
    }
    List<FieldError> all = new ArrayList<>(errors);
    all.addAll(rules.errors());
    return new IncomingValuation(
        index,
        sourceId,
        version,
        new StockValuationContent(
            content.asAt(),
            content.currency(),
            content.method(),
            content.total(),
            content.inTransit(),
            content.receivedNotBilled(),
            content.billedNotReceived(),
            locations),
        all);
  }

  /** Reads {@code locations} into names and values; false when it is absent or null. */
  private boolean readLocations(JsonObject item, List<String> names, List<BigDecimal> values) {
    JsonValue value = item.get("locations");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      errors.add(new FieldError("locations", "must be an array of {location, value}"));
      return true;
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > MAX_LOCATIONS) {
      errors.add(
          new FieldError(
              "locations",
              "has "
                  + array.size()
                  + " locations; at most "
                  + MAX_LOCATIONS
                  + " are allowed per valuation"));
      return true;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "locations[" + i + "]";
      JsonValue element = array.get(i);
      if (element.getValueType() != JsonValue.ValueType.OBJECT) {
        errors.add(new FieldError(path, "must be an object: {\"location\": …, \"value\": …}"));
        names.add(null);
        values.add(null);
        continue;
      }
      JsonObject location = element.asJsonObject();
      names.add(Values.text(JsonFields.scalar(location, "location", path + ".location", errors)));
      values.add(JsonFields.decimal(location, "value", path + ".value", errors));
    }
    return true;
  }

  private String text(JsonObject json, String name) {
    return Values.text(JsonFields.scalar(json, name, name, errors));
  }

  /** A valuation amount: signed, up to 6 places, within a transaction total's bounds. */
  private static void amount(FieldRules rules, String field, BigDecimal value) {
    if (value != null) {
      rules.range(field, value, TransactionValidator.MAX_TOTAL, AMOUNT_SCALE);
    }
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
