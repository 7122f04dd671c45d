package io.ledgerbridge.intake.control;

import static io.ledgerbridge.intake.control.Items.check;
import static io.ledgerbridge.intake.control.Items.errors;
import static io.ledgerbridge.testing.TestTransactions.sale;
import static io.ledgerbridge.testing.TestTransactions.stockAdjustment;
import static io.ledgerbridge.testing.TestTransactions.with;
import static io.ledgerbridge.testing.TestTransactions.withContact;
import static io.ledgerbridge.testing.TestTransactions.withLine;
import static io.ledgerbridge.testing.TestTransactions.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.TransactionContent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading one JSON item: types, exact decimals, text clean-up, and errors instead of exceptions.
 */
class TransactionJsonReaderTest {

  @Test
  void readsAValidSaleCompletelyAndExactly() {
    IncomingTransaction item = check(sale("S-1", 3));

    assertEquals(List.of(), item.errors());
    assertEquals(Kind.SALE, item.kind());
    assertEquals("S-1", item.sourceId());
    assertEquals(3L, item.version());
    assertEquals("SALE/S-1", item.key());
    TransactionContent c = item.content();
    assertEquals("INV-S-1", c.number());
    assertEquals("C-1", c.contact().code());
    assertEquals("Acme Ltd", c.contact().name());
    assertEquals(LocalDate.of(2024, 3, 15), c.date());
    assertEquals(LocalDate.of(2024, 4, 20), c.dueDate());
    assertEquals("NZD", c.currency());
    assertEquals(2, c.lines().size());
    Line bolt = c.lines().get(1);
    assertEquals("BOLT", bolt.sku());
    assertEquals(new BigDecimal("3"), bolt.quantity());
    assertEquals(new BigDecimal("0.50"), bolt.unitPrice());
    assertEquals(new BigDecimal("21.50"), c.total());
    assertFalse(c.pricesIncludeTax());
    assertFalse(c.voided());
  }

  @Test
  void decimalsAreReadExactlyNotThroughDoubles() {
    IncomingTransaction item =
        check(
            "{\"kind\":\"SALE\",\"sourceId\":\"S\",\"version\":1,\"date\":\"2024-01-01\",\"currency\":\"NZD\","
                + "\"contact\":{\"code\":\"C\",\"name\":\"N\"},"
                + "\"lines\":[{\"quantity\":3,\"unitPrice\":0.1}],\"total\":12345678.9012}");

    assertEquals(List.of(), item.errors());
    Line line = item.content().lines().get(0);
    assertEquals(new BigDecimal("0.1"), line.unitPrice());
    assertEquals(new BigDecimal("0.30"), line.amount());
    assertEquals(new BigDecimal("12345678.9012"), item.content().total());
  }

  @Test
  void kindIsCaseInsensitiveAndAcceptsDashes() {
    assertEquals(Kind.CUSTOMER_CREDIT, check(with(sale("S", 1), "kind", "customer-credit")).kind());
    assertEquals(Kind.SALE, check(with(sale("S", 1), "kind", "  Sale ")).kind());
  }

  @Test
  void identifiersMayBeSentAsNumbers() {
    IncomingTransaction item =
        check(with(with(sale("S", 1), "sourceId", 12345L), "number", new BigDecimal("1.50")));

    assertEquals(List.of(), item.errors());
    assertEquals("12345", item.sourceId());
    assertEquals("1.50", item.content().number());
  }

  @Test
  void versionMayBeAWholeNumberInTextOrWithZeroDecimals() {
    assertEquals(7L, check(with(sale("S", 1), "version", "7")).version());
    assertEquals(7L, check(with(sale("S", 1), "version", new BigDecimal("7.00"))).version());
  }

  @Test
  void aVersionThatIsNotAWholeNumberIsOneErrorOnVersion() {
    for (Object version : List.of("abc", new BigDecimal("1E+30"), "9223372036854775808")) {
      IncomingTransaction item = check(with(sale("S", 1), "version", version));
      assertEquals(
          Map.of("version", "must be a whole number between 1 and 9223372036854775807"),
          errors(item),
          "version " + version);
      assertNull(item.version());
    }
  }

  @Test
  void aFractionalVersionIsAFieldErrorNotAnException() {
    IncomingTransaction item = check(with(sale("S", 1), "version", new BigDecimal("1.5")));

    assertEquals(
        Map.of("version", "must be a whole number between 1 and 9223372036854775807"),
        errors(item));
  }

  @Test
  void wrongJsonTypesAreFieldErrorsNamingTheType() {
    IncomingTransaction item =
        check(
            with(
                with(
                    with(sale("S", 1), "sourceId", Json.createObjectBuilder().add("id", 1).build()),
                    "version",
                    true),
                "reference",
                Json.createArrayBuilder().add("x").build()));

    assertEquals(
        Map.of(
            "sourceId", "must be text or a number, not object",
            "version", "must be text or a number, not true/false",
            "reference", "must be text or a number, not array"),
        errors(item));
  }

  @Test
  void wrongTypesOfStructuresAreReportedOnceWithThePath() {
    assertEquals(
        Map.of("contact", "must be an object"),
        errors(check(with(sale("S", 1), "contact", "ACME"))));
    assertEquals(
        Map.of("lines", "must be an array of lines"),
        errors(check(with(sale("S", 1), "lines", "two widgets"))));
    assertEquals(
        Map.of("contact.address", "must be an object"),
        errors(check(withContact(sale("S", 1), "address", 42L))));
  }

  @Test
  void aLineThatIsNotAnObjectIsReportedByIndexAndTheOthersAreRead() {
    JsonObject item = sale("S", 1);
    JsonArrayBuilder lines = Json.createArrayBuilder(item.getJsonArray("lines")).add(0, 7);
    IncomingTransaction read = check(with(item, "lines", lines.build()));

    assertEquals(Map.of("lines[0]", "must be an object"), errors(read));
    // The bad line keeps its place, so the real lines stay lines[1] and lines[2] in messages.
    assertEquals(3, read.content().lines().size());
    assertEquals("WIDGET", read.content().lines().get(1).sku());
    assertEquals("BOLT", read.content().lines().get(2).sku());
  }

  @Test
  void numbersSentAsWordsAreFieldErrorsQuotingTheValue() {
    IncomingTransaction item =
        check(withLine(with(sale("S", 1), "total", "twelve"), "quantity", "lots"));

    assertEquals(
        Map.of(
            "lines[0].quantity", "must be a decimal number such as 12.50, not 'lots'",
            "total", "must be a decimal number such as 12.50, not 'twelve'"),
        errors(item));
  }

  @Test
  void numbersSentAsTextAreReadExactly() {
    IncomingTransaction item = check(withLine(sale("S", 1), "quantity", " 2.5000 "));

    assertEquals(List.of(), item.errors());
    assertEquals(new BigDecimal("2.5000"), item.content().lines().get(0).quantity());
  }

  @Test
  void absurdNumbersAreTooLargeNotExceptions() {
    assertEquals(
        Map.of("lines[0].quantity", "is too large"),
        errors(
            check(
                "{\"kind\":\"STOCK_ADJUSTMENT\",\"sourceId\":\"S\",\"version\":1,"
                    + "\"date\":\"2024-01-01\",\"currency\":\"NZD\",\"lines\":[{\"quantity\":1e400}]}")));
    assertEquals(
        Map.of("lines[0].quantity", "is too large"),
        errors(check(withLine(stockAdjustment("S", 1), "quantity", "1e400"))));
    assertEquals(
        Map.of("lines[0].quantity", "must be a decimal number of at most 40 characters"),
        errors(check(withLine(stockAdjustment("S", 1), "quantity", "9".repeat(41)))));
  }

  @Test
  void datesMustBeRealIsoDates() {
    assertEquals(
        Map.of("date", "must be a date in the form YYYY-MM-DD, not '2024-02-30'"),
        errors(check(with(sale("S", 1), "date", "2024-02-30"))));
    assertEquals(
        Map.of("dueDate", "must be a date in the form YYYY-MM-DD, not '15/03/2024'"),
        errors(check(with(sale("S", 1), "dueDate", "15/03/2024"))));
  }

  @Test
  void booleansAcceptCommonSpellingsAndRefuseOthers() {
    assertTrue(check(with(sale("S", 1), "pricesIncludeTax", "yes")).content().pricesIncludeTax());
    assertTrue(check(with(sale("S", 1), "voided", 1L)).content().voided());
    assertFalse(check(with(sale("S", 1), "voided", "false")).content().voided());
    assertEquals(
        Map.of("pricesIncludeTax", "must be true or false"),
        errors(check(with(sale("S", 1), "pricesIncludeTax", "maybe"))));
  }

  @Test
  void textIsTrimmedAndBlankTextIsMissing() {
    IncomingTransaction item =
        check(with(with(sale("S", 1), "reference", "  PO 17  "), "sourceId", "   "));

    assertEquals("PO 17", item.content().reference());
    assertNull(item.sourceId());
    assertEquals(Map.of("sourceId", "is required"), errors(item));
  }

  @Test
  void textIsStoredInNfcSoTheSameNameTypedTwoWaysIsOneName() {
    String decomposed = "Cafe\u0301 Zoe\u0308";
    IncomingTransaction item = check(withContact(sale("S", 1), "name", decomposed));

    assertEquals("Caf\u00e9 Zo\u00eb", item.content().contact().name());
  }

  @Test
  void unknownFieldsAreIgnored() {
    IncomingTransaction item =
        check(
            with(sale("S", 1), "warehouseNotes", Json.createObjectBuilder().add("bay", 4).build()));

    assertEquals(List.of(), item.errors());
  }

  @Test
  void lineErrorsNameTheLineAsSentEvenAfterALineThatCouldNotBeRead() {
    JsonArrayBuilder lines =
        Json.createArrayBuilder()
            .add(7)
            .add(Json.createObjectBuilder().add("quantity", 1).add("unitPrice", 1))
            .add(
                Json.createObjectBuilder()
                    .add("quantity", new BigDecimal("1.23456"))
                    .add("unitPrice", 1));
    IncomingTransaction item = check(with(sale("S", 1), "lines", lines.build()));

    assertEquals(
        Map.of(
            "lines[0]", "must be an object",
            "lines[2].quantity", "may have at most 4 decimal places"),
        errors(item));
  }

  @Test
  void tooManyLinesAreRefusedWithTheLimit() {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (int i = 0; i < 4; i++) {
      lines.add(Json.createObjectBuilder().add("quantity", 1).add("unitPrice", 1));
    }
    IncomingTransaction item =
        TransactionValidator.validate(
            TransactionJsonReader.read(with(sale("S", 1), "lines", lines.build()), 0, 3));

    assertEquals(
        Map.of("lines", "has 4 lines; at most 3 are allowed per transaction"), errors(item));
    assertEquals(List.of(), item.content().lines());
  }

  @Test
  void exactlyTheMaximumNumberOfLinesIsAccepted() {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (int i = 0; i < 3; i++) {
      lines.add(Json.createObjectBuilder().add("quantity", 1).add("unitPrice", 1));
    }
    IncomingTransaction item =
        TransactionValidator.validate(
            TransactionJsonReader.read(with(sale("S", 1), "lines", lines.build()), 0, 3));

    assertEquals(List.of(), item.errors());
    assertEquals(3, item.content().lines().size());
  }

  @Test
  void nullMeansAbsent() {
    IncomingTransaction item = check(with(without(sale("S", 1), "dueDate"), "reference", null));

    assertEquals(List.of(), item.errors());
    assertNull(item.content().reference());
    assertNull(item.content().dueDate());
  }
}
