package io.ledgerbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Valid intake items as the inventory system sends them, and small edits of them, so a test shows
 * only the field it is about.
 */
public final class TestTransactions {

  private TestTransactions() {}

  /** A source id no other test (or earlier run on the same database) uses. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** A valid sale: 2 × 10.00 + 3 × 0.50 = 21.50, customer C-1. */
  public static JsonObject sale(String sourceId, long version) {
    return Json.createObjectBuilder()
        .add("kind", "SALE")
        .add("sourceId", sourceId)
        .add("version", version)
        .add("number", "INV-" + sourceId)
        .add("reference", "Order " + sourceId)
        .add("contact", Json.createObjectBuilder().add("code", "C-1").add("name", "Acme Ltd"))
        .add("date", "2024-03-15")
        .add("dueDate", "2024-04-20")
        .add("currency", "NZD")
        .add(
            "lines",
            Json.createArrayBuilder()
                .add(line("WIDGET", "2", "10.00"))
                .add(line("BOLT", "3", "0.50")))
        .add("total", new BigDecimal("21.50"))
        .build();
  }

  /**
   * A valid stock adjustment: no contact, no prices, no total needed; quantities may be negative.
   */
  public static JsonObject stockAdjustment(String sourceId, long version) {
    return Json.createObjectBuilder()
        .add("kind", "STOCK_ADJUSTMENT")
        .add("sourceId", sourceId)
        .add("version", version)
        .add("date", "2024-03-15")
        .add("currency", "NZD")
        .add(
            "lines",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("sku", "WIDGET")
                        .add("quantity", new BigDecimal("-5"))
                        .add("unitCost", new BigDecimal("4.25"))))
        .build();
  }

  public static JsonObject line(String sku, String quantity, String unitPrice) {
    return Json.createObjectBuilder()
        .add("sku", sku)
        .add("description", sku + " description")
        .add("quantity", new BigDecimal(quantity))
        .add("unitPrice", new BigDecimal(unitPrice))
        .build();
  }

  /**
   * The item with one field set (String, BigDecimal, Long, Integer, Boolean, JsonValue; null → JSON
   * null).
   */
  public static JsonObject with(JsonObject item, String name, Object value) {
    return Json.createObjectBuilder(item).add(name, value(value)).build();
  }

  public static JsonObject without(JsonObject item, String name) {
    return Json.createObjectBuilder(item).remove(name).build();
  }

  /** The item with one field of its first line set. */
  public static JsonObject withLine(JsonObject item, String name, Object value) {
    JsonObject first = with(item.getJsonArray("lines").getJsonObject(0), name, value);
    JsonArrayBuilder lines = Json.createArrayBuilder(item.getJsonArray("lines")).set(0, first);
    return Json.createObjectBuilder(item).add("lines", lines).build();
  }

  /** The item with one field of its contact set. */
  public static JsonObject withContact(JsonObject item, String name, Object value) {
    return with(item, "contact", with(item.getJsonObject("contact"), name, value));
  }

  public static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof JsonObjectBuilder builder) {
      return builder.build();
    }
    if (value instanceof String text) {
      return Json.createValue(text);
    }
    if (value instanceof BigDecimal decimal) {
      return Json.createValue(decimal);
    }
    if (value instanceof Long number) {
      return Json.createValue(number);
    }
    if (value instanceof Integer number) {
      return Json.createValue(number);
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    throw new IllegalArgumentException("No JSON for " + value.getClass());
  }

  /** {@code {"transactions":[...]}} as text. */
  public static String body(JsonObject... items) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject item : items) {
      array.add(item);
    }
    return Json.createObjectBuilder().add("transactions", array).build().toString();
  }
}
