package io.ledgerbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Stock valuations as the inventory system sends them, for unit tests and ITs. */
public final class TestValuations {

  private TestValuations() {}

  /**
   * The valuation of inventory-accounting.md §4.4: 286.0000 = AKL 221.0000 + WLG 65.0000, nothing
   * in transit.
   */
  public static JsonObject valuation(String sourceId, long version, String asAt) {
    return Json.createObjectBuilder()
        .add("sourceId", sourceId)
        .add("version", version)
        .add("asAt", asAt)
        .add("currency", "NZD")
        .add("method", "FIFO")
        .add("total", "286.0000")
        .add("inTransit", "0.0000")
        .add("receivedNotBilled", "0.0000")
        .add("billedNotReceived", "0.0000")
        .add(
            "locations",
            Json.createArrayBuilder()
                .add(location("AKL", "221.0000"))
                .add(location("WLG", "65.0000")))
        .build();
  }

  public static JsonObject location(String location, Object value) {
    return Json.createObjectBuilder()
        .add("location", location)
        .add("value", TestTransactions.value(value))
        .build();
  }

  /** The valuation with these locations instead of its own. */
  public static JsonObject withLocations(JsonObject valuation, JsonObject... locations) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject location : locations) {
      array.add(location);
    }
    return Json.createObjectBuilder(valuation).add("locations", array).build();
  }

  /** {@code {"valuations":[...]}} as text. */
  public static String body(JsonObject... valuations) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject valuation : valuations) {
      array.add(valuation);
    }
    return Json.createObjectBuilder().add("valuations", array).build().toString();
  }
}
