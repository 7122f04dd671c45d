package io.ledgerbridge.intake.control;

import static io.ledgerbridge.testing.TestTransactions.with;
import static io.ledgerbridge.testing.TestTransactions.without;
import static io.ledgerbridge.testing.TestValuations.location;
import static io.ledgerbridge.testing.TestValuations.valuation;
import static io.ledgerbridge.testing.TestValuations.withLocations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.intake.entity.StockValuationContent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading and checking one stock valuation: exact amounts, the total rule, field errors. */
class StockValuationReaderTest {

  private static final JsonObject VALID = valuation("VAL-2024-03-31", 2, "2024-03-31");

  @Test
  void readsTheDocumentedValuationCompletelyAndExactly() {
    IncomingValuation item = StockValuationReader.read(VALID, 4);

    assertEquals(List.of(), item.errors());
    assertTrue(item.isValid());
    assertEquals(4, item.index());
    assertEquals("VAL-2024-03-31", item.sourceId());
    assertEquals(2L, item.version());
    StockValuationContent c = item.content();
    assertEquals(LocalDate.of(2024, 3, 31), c.asAt());
    assertEquals("NZD", c.currency());
    assertEquals("FIFO", c.method());
    assertEquals(new BigDecimal("286.0000"), c.total());
    assertEquals(new BigDecimal("0.0000"), c.inTransit());
    assertEquals(new BigDecimal("0.0000"), c.receivedNotBilled());
    assertEquals(new BigDecimal("0.0000"), c.billedNotReceived());
    assertEquals(
        List.of(
            Map.entry("AKL", new BigDecimal("221.0000")),
            Map.entry("WLG", new BigDecimal("65.0000"))),
        List.copyOf(c.locations().entrySet()));
  }

  @Test
  void amountsMayBeJsonNumbersAndAreReadExactlyToSixPlaces() {
    JsonObject item =
        withLocations(
            with(with(VALID, "total", new BigDecimal("0.3")), "inTransit", new BigDecimal("0.1")),
            location("AKL", new BigDecimal("0.100001")),
            location("WLG", "0.099999"));

    IncomingValuation read = StockValuationReader.read(item, 0);

    assertEquals(List.of(), read.errors());
    assertEquals(new BigDecimal("0.100001"), read.content().locations().get("AKL"));
  }

  @Test
  void aTotalThatIsNotTheLocationsPlusInTransitIsAnErrorOnTotalSayingBothNumbers() {
    JsonObject item = with(with(VALID, "total", "290.0000"), "inTransit", "3.5");

    Map<String, String> errors = errors(item);

    assertEquals(List.of("total"), List.copyOf(errors.keySet()));
    String message = errors.get("total");
    assertTrue(message.contains("290"), message);
    assertTrue(message.contains("289.5"), message);
    assertTrue(message.contains("286"), message);
  }

  @Test
  void inTransitCountsTowardsTheTotalAndMayBeLeftOut() {
    assertEquals(Map.of(), errors(with(with(VALID, "total", "300"), "inTransit", "14.000000")));
    assertEquals(Map.of(), errors(without(VALID, "inTransit")));
    assertEquals(
        List.of("total"),
        List.copyOf(errors(with(without(VALID, "inTransit"), "total", "287")).keySet()));
  }

  @Test
  void withoutLocationsTheTotalStandsAlone() {
    assertEquals(Map.of(), errors(without(with(VALID, "total", "1000"), "locations")));
    assertEquals(Map.of(), errors(withLocations(with(VALID, "total", "1000"))));
  }

  @Test
  void sourceIdVersionAsAtAndTotalAreRequired() {
    for (String field : List.of("sourceId", "version", "asAt", "total")) {
      Map<String, String> errors = errors(without(VALID, field));
      assertTrue(errors.containsKey(field), field + ": " + errors);
      assertTrue(errors.get(field).startsWith("is required"), errors.get(field));
    }
    assertEquals(Map.of(), errors(without(without(VALID, "currency"), "method")));
  }

  @Test
  void theTransactionsRulesApplyToTheFieldsTheyShare() {
    assertEquals("must be 1 or more", errors(with(VALID, "version", 0L)).get("version"));
    assertEquals(
        "must be a whole number between 1 and 9223372036854775807",
        errors(with(VALID, "version", "2.5")).get("version"));
    assertTrue(
        errors(with(VALID, "sourceId", "x".repeat(101))).get("sourceId").contains("at most 100"));
    assertTrue(errors(with(VALID, "sourceId", "VAL\u200B1")).get("sourceId").contains("invisible"));
    assertEquals(
        "must be a three-letter ISO 4217 code in capitals, such as NZD",
        errors(with(VALID, "currency", "nzd")).get("currency"));
    assertEquals(
        "'XYZ' is not an ISO 4217 currency code",
        errors(with(VALID, "currency", "XYZ")).get("currency"));
    assertEquals(
        "must be a date in the form YYYY-MM-DD, not '31/03/2024'",
        errors(with(VALID, "asAt", "31/03/2024")).get("asAt"));
    assertEquals(
        "must be between 1900-01-01 and 2199-12-31",
        errors(with(VALID, "asAt", "2200-01-31")).get("asAt"));
  }

  @Test
  void amountsHaveAtMostSixPlacesAndATransactionTotalsBounds() {
    assertEquals(
        "may have at most 6 decimal places",
        errors(with(with(VALID, "receivedNotBilled", "0.0000001"), "total", "286"))
            .get("receivedNotBilled"));
    assertEquals(
        "is too large: at most 99999999999.99",
        errors(with(VALID, "billedNotReceived", "100000000000")).get("billedNotReceived"));
    assertEquals(
        "must be a decimal number such as 12.50, not 'lots'",
        errors(withLocations(VALID, location("AKL", "lots"))).get("locations[0].value"));
    assertEquals(
        "must be text or a number, not true/false",
        errors(with(VALID, "total", Boolean.TRUE)).get("total"));
  }

  @Test
  void aLocationTwiceIsRefusedWhateverItsCase() {
    Map<String, String> errors =
        errors(
            withLocations(
                VALID, location("AKL", "221"), location("WLG", "32.5"), location("wlg", "32.5")));

    assertEquals(List.of("locations[2].location"), List.copyOf(errors.keySet()));
    assertTrue(errors.get("locations[2].location").contains("locations[1]"), errors.toString());
  }

  @Test
  void eachLocationNeedsANameAndAValueAndIsAnObject() {
    JsonObject item =
        Json.createObjectBuilder(VALID)
            .add(
                "locations",
                Json.createArrayBuilder()
                    .add("AKL")
                    .add(Json.createObjectBuilder().add("value", "1"))
                    .add(Json.createObjectBuilder().add("location", "WLG")))
            .build();

    Map<String, String> errors = errors(item);

    assertEquals(
        List.of("locations[0]", "locations[1].location", "locations[2].value"),
        List.copyOf(errors.keySet()));
  }

  @Test
  void atMostAThousandLocations() {
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i <= StockValuationReader.MAX_LOCATIONS; i++) {
      many.add(location("L" + i, "0"));
    }
    JsonObject item = Json.createObjectBuilder(VALID).add("locations", many).build();

    IncomingValuation read = StockValuationReader.read(item, 0);

    assertFalse(read.isValid());
    assertEquals(
        "has 1001 locations; at most 1000 are allowed per valuation",
        errors(item).get("locations"));
  }

  @Test
  void textIsTrimmedAndUnknownFieldsSuchAsLinesAreIgnored() {
    JsonObject item =
        Json.createObjectBuilder(
                withLocations(with(VALID, "total", "286"), location(" AKL ", "286")))
            .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", "W")))
            .add("somethingNew", 1)
            .build();

    IncomingValuation read = StockValuationReader.read(item, 0);

    assertEquals(List.of(), read.errors());
    assertEquals(Map.of("AKL", new BigDecimal("286")), read.content().locations());
    assertNull(read.content().locations().get(" AKL "));
  }

  private static Map<String, String> errors(JsonObject item) {
    return StockValuationReader.read(item, 0).errors().stream()
        .collect(
            Collectors.toMap(
                FieldError::field,
                FieldError::message,
                (a, b) -> a + " | " + b,
                LinkedHashMap::new));
  }
}
