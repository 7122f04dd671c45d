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
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The intake rules: what an item needs to be stored at all, and the limits that keep Xero happy.
 */
class TransactionValidatorTest {

  private static final String KINDS =
      "SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT, STOCK_ADJUSTMENT";

  @Test
  void aCompleteSaleAndAStockAdjustmentAreValid() {
    assertEquals(List.of(), check(sale("S", 1)).errors());
    assertTrue(check(stockAdjustment("A", 1)).isValid());
  }

  @Test
  void anEmptyItemNamesEveryRequiredField() {
    assertEquals(
        Map.of(
            "kind", "is required: one of " + KINDS,
            "sourceId", "is required",
            "version", "is required: a whole number that grows with every change at the source",
            "date", "is required (YYYY-MM-DD)",
            "currency", "is required: an ISO 4217 code such as NZD"),
        errors(check(Json.createObjectBuilder().build())));
  }

  @Test
  void aSaleNeedsAContactLinePricesAndATotal() {
    JsonObject sale =
        withLine(without(without(sale("S", 1), "contact"), "total"), "unitPrice", null);

    assertEquals(
        Map.of(
            "contact", "is required for a SALE",
            "lines[0].unitPrice", "is required",
            "total", "is required: the total the inventory system computed"),
        errors(check(sale)));
  }

  @Test
  void aContactNeedsItsCodeAndName() {
    JsonObject sale =
        with(sale("S", 1), "contact", Json.createObjectBuilder().add("email", "a@b.co").build());

    assertEquals(
        Map.of("contact.code", "is required", "contact.name", "is required"), errors(check(sale)));
  }

  @Test
  void aStockAdjustmentNeedsNoContactPricesOrTotal() {
    assertEquals(List.of(), check(stockAdjustment("A", 1)).errors());
  }

  @Test
  void stockMovementFieldsAreCheckedAndBelongToStockAdjustmentsOnly() {
    JsonObject writeOff =
        with(
            with(stockAdjustment("A", 1), "adjustmentType", "write-off"), "reason", "Water damage");
    assertEquals(List.of(), check(writeOff).errors());
    assertEquals(
        Map.of(
            "adjustmentType",
            "must be one of WRITE_OFF, COUNT, REVALUATION, TRANSFER, not 'SHRINK'"),
        errors(check(with(stockAdjustment("A", 1), "adjustmentType", "SHRINK"))));
    assertEquals(
        Map.of("location", "is for stock adjustments only, not a SALE"),
        errors(check(with(sale("S", 1), "location", "AKL"))));
    assertEquals(
        Map.of("fromLocation", "is for a TRANSFER only; use location for where the stock changed"),
        errors(check(with(stockAdjustment("A", 1), "fromLocation", "AKL"))));
  }

  @Test
  void aTransferNeedsBothEndsAndLinesThatNetToZero() {
    JsonObject transfer = with(stockAdjustment("T", 1), "adjustmentType", "TRANSFER");
    assertEquals(
        Map.of(
            "fromLocation",
            "is required for a TRANSFER",
            "toLocation",
            "is required for a TRANSFER",
            "lines",
            "a TRANSFER must net to zero (the stock leaving fromLocation as negative costAmount,"
                + " the same value arriving at toLocation as positive); these lines net to"
                + " -21.25"),
        errors(check(transfer)));
    JsonObject balanced =
        with(
            with(
                with(
                    transfer,
                    "lines",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("quantity", -2)
                                .add("costAmount", new BigDecimal("-10.123456")))
                        .add(
                            Json.createObjectBuilder()
                                .add("quantity", 2)
                                .add("costAmount", new BigDecimal("10.123456")))
                        .build()),
                "fromLocation",
                "AKL"),
            "toLocation",
            "WLG");
    assertEquals(List.of(), check(balanced).errors());
    assertEquals(
        Map.of("toLocation", "must differ from fromLocation"),
        errors(check(with(balanced, "toLocation", "AKL"))));
  }

  @Test
  void costAmountsHaveSixDecimalsAndAreSignedOnlyOnStockAdjustments() {
    assertEquals(
        Map.of("lines[0].costAmount", "may have at most 6 decimal places"),
        errors(check(withLine(stockAdjustment("A", 1), "costAmount", "1.1234567"))));
    assertEquals(
        Map.of(
            "lines[0].costAmount",
            "must not be negative on a SALE (only a stock adjustment is signed)"),
        errors(check(withLine(sale("S", 1), "costAmount", "-3"))));
    assertEquals(
        Map.of("lines[0].restock", "is for customer credit lines only"),
        errors(check(withLine(sale("S", 1), "restock", false))));
    assertEquals(List.of(), check(withLine(sale("S", 1), "costAmount", "3.123456")).errors());
  }

  @Test
  void everyLineNeedsAQuantity() {
    assertEquals(
        Map.of("lines[0].quantity", "is required"),
        errors(check(withLine(sale("S", 1), "quantity", null))));
  }

  @Test
  void anUnknownKindIsQuotedInTheError() {
    assertEquals(
        Map.of("kind", "must be one of " + KINDS + ", not 'banana'"),
        errors(check(with(sale("S", 1), "kind", "banana"))));
  }

  @Test
  void cogsJournalsAreLedgerBridgesOwnAndCannotBeSent() {
    assertEquals(
        Map.of("kind", "must be one of " + KINDS + ", not 'COGS'"),
        errors(check(with(sale("S", 1), "kind", "COGS"))));
  }

  @Test
  void versionMustBePositive() {
    assertEquals(
        Map.of("version", "must be 1 or more"), errors(check(with(sale("S", 1), "version", 0L))));
    assertEquals(
        Map.of("version", "must be 1 or more"), errors(check(with(sale("S", 1), "version", -3L))));
  }

  @Test
  void negativeQuantitiesAreAcceptedForReturnsAndWriteOffs() {
    IncomingTransaction item = check(withLine(sale("S", 1), "quantity", new BigDecimal("-2")));

    assertEquals(List.of(), item.errors());
    assertEquals(new BigDecimal("-2"), item.content().lines().get(0).quantity());
  }

  @Test
  void hugeQuantitiesPositiveOrNegativeAreTooLarge() {
    for (String quantity : List.of("1000000000", "-1000000000", "99999999999999999999")) {
      assertEquals(
          Map.of("lines[0].quantity", "is too large: at most 999999999.9999"),
          errors(check(withLine(sale("S", 1), "quantity", new BigDecimal(quantity)))),
          quantity);
    }
  }

  @Test
  void quantitiesAndPricesHaveAtMostFourDecimalPlacesNotCountingTrailingZeros() {
    assertEquals(
        Map.of("lines[0].quantity", "may have at most 4 decimal places"),
        errors(check(withLine(sale("S", 1), "quantity", new BigDecimal("1.23456")))));
    assertEquals(
        Map.of("lines[0].unitPrice", "may have at most 4 decimal places"),
        errors(check(withLine(sale("S", 1), "unitPrice", new BigDecimal("0.00001")))));
    assertTrue(check(withLine(sale("S", 1), "quantity", new BigDecimal("1.234500000"))).isValid());
  }

  @Test
  void aTotalHasAtMostFourDecimalPlacesAndAnUpperLimit() {
    assertTrue(check(with(sale("S", 1), "total", new BigDecimal("12345678.9012"))).isValid());
    assertEquals(
        Map.of("total", "may have at most 4 decimal places"),
        errors(check(with(sale("S", 1), "total", new BigDecimal("12345678.90123")))));
    assertEquals(
        Map.of("total", "is too large: at most 99999999999.99"),
        errors(check(with(sale("S", 1), "total", new BigDecimal("100000000000")))));
  }

  @Test
  void aLineAmountAboveXerosMaximumIsRefusedOnTheLine() {
    JsonObject sale =
        withLine(
            withLine(sale("S", 1), "quantity", new BigDecimal("999999999")),
            "unitPrice",
            new BigDecimal("11"));

    assertEquals(
        Map.of(
            "lines[0]",
            "quantity × unit price is 10999999989.00, more than Xero's"
                + " maximum line amount of 9,999,999,999.99"),
        errors(check(sale)));
  }

  @Test
  void theLineAmountCapAppliesToTheRoundedAmountAndIncludesItsMaximum() {
    JsonObject atMaximum =
        withLine(
            withLine(sale("S", 1), "quantity", BigDecimal.ONE),
            "unitPrice",
            new BigDecimal("9999999999.9949"));
    JsonObject roundsAbove =
        withLine(
            withLine(sale("S", 1), "quantity", BigDecimal.ONE),
            "unitPrice",
            new BigDecimal("9999999999.995"));

    assertTrue(check(atMaximum).isValid());
    assertEquals(List.of("lines[0]"), List.copyOf(errors(check(roundsAbove)).keySet()));
  }

  @Test
  void aNegativeLineAmountIsCappedLikeAPositiveOne() {
    JsonObject sale =
        withLine(
            withLine(sale("S", 1), "quantity", new BigDecimal("-999999999")),
            "unitPrice",
            new BigDecimal("11"));

    assertEquals(List.of("lines[0]"), List.copyOf(errors(check(sale)).keySet()));
  }

  @Test
  void discountsAreAPercentageAndCostsAreNotNegative() {
    assertEquals(
        Map.of("lines[0].discountPercent", "must be between 0 and 100"),
        errors(check(withLine(sale("S", 1), "discountPercent", new BigDecimal("100.5")))));
    assertEquals(
        Map.of("lines[0].discountPercent", "must be between 0 and 100"),
        errors(check(withLine(sale("S", 1), "discountPercent", new BigDecimal("-1")))));
    assertTrue(check(withLine(sale("S", 1), "discountPercent", new BigDecimal("12.5"))).isValid());
    assertEquals(
        Map.of("lines[0].unitCost", "must not be negative"),
        errors(check(withLine(sale("S", 1), "unitCost", new BigDecimal("-0.01")))));
  }

  @Test
  void currencyIsAnIso4217CodeInCapitals() {
    assertTrue(check(with(sale("S", 1), "currency", "EUR")).isValid());
    assertEquals(
        Map.of("currency", "must be a three-letter ISO 4217 code in capitals, such as NZD"),
        errors(check(with(sale("S", 1), "currency", "nzd"))));
    assertEquals(
        Map.of("currency", "must be a three-letter ISO 4217 code in capitals, such as NZD"),
        errors(check(with(sale("S", 1), "currency", "NZDD"))));
    assertEquals(
        Map.of("currency", "'ABC' is not an ISO 4217 currency code"),
        errors(check(with(sale("S", 1), "currency", "ABC"))));
  }

  @Test
  void aCurrencyRateIsPositiveWithAtMostTenDecimals() {
    assertTrue(check(with(sale("S", 1), "currencyRate", new BigDecimal("0.6123456789"))).isValid());
    assertEquals(
        Map.of("currencyRate", "must be greater than 0"),
        errors(check(with(sale("S", 1), "currencyRate", BigDecimal.ZERO))));
    assertEquals(
        Map.of("currencyRate", "may have at most 10 decimal places"),
        errors(check(with(sale("S", 1), "currencyRate", new BigDecimal("0.61234567891")))));
  }

  @Test
  void datesOutsideTheSupportedRangeAreRefused() {
    assertEquals(
        Map.of("date", "must be between 1900-01-01 and 2199-12-31"),
        errors(check(with(sale("S", 1), "date", "1899-12-31"))));
    assertEquals(
        Map.of("dueDate", "must be between 1900-01-01 and 2199-12-31"),
        errors(check(with(sale("S", 1), "dueDate", "2200-01-01"))));
    assertTrue(check(with(sale("S", 1), "date", "1900-01-01")).isValid());
  }

  @Test
  void anEmailMustLookLikeOne() {
    assertEquals(
        Map.of("contact.email", "must be an e-mail address such as accounts@example.com"),
        errors(check(withContact(sale("S", 1), "email", "accounts at acme"))));
    assertTrue(check(withContact(sale("S", 1), "email", "accounts@acme.co.nz")).isValid());
  }

  @Test
  void tenThousandCharacterStringsAreRefusedWithTheirLengthAndLimit() {
    String huge = "x".repeat(10_000);
    JsonObject sale =
        withLine(
            withContact(
                with(with(sale("S", 1), "sourceId", huge), "reference", huge), "name", huge),
            "description",
            huge);

    assertEquals(
        Map.of(
            "sourceId", "is 10000 characters long; at most 100 are allowed",
            "reference", "is 10000 characters long; at most 255 are allowed",
            "contact.name", "is 10000 characters long; at most 255 are allowed",
            "lines[0].description", "is 10000 characters long; at most 4000 are allowed"),
        errors(check(sale)));
  }

  @Test
  void limitsAreInclusive() {
    JsonObject sale =
        withLine(
            with(with(sale("S", 1), "sourceId", "s".repeat(100)), "reference", "r".repeat(255)),
            "description",
            "d".repeat(4000));

    assertEquals(List.of(), check(sale).errors());
    assertEquals(
        Map.of("sourceId", "is 101 characters long; at most 100 are allowed"),
        errors(check(with(sale("S", 1), "sourceId", "s".repeat(101)))));
  }

  @Test
  void unicodeNamesAreAcceptedAsSent() {
    String name = "Caf\u00e9 Zo\u00eb \u2014 \u6771\u4eac \uD83D\uDE00";
    IncomingTransaction item =
        check(withLine(withContact(sale("S", 1), "name", name), "description", name));

    assertEquals(List.of(), item.errors());
    assertEquals(name, item.content().contact().name());
    assertEquals(name, item.content().lines().get(0).description());
  }

  @Test
  void loneSurrogatesAreBrokenUnicode() {
    for (String broken : List.of("Acme \uD800", "\uDC00Acme", "Ac\uD83Dme")) {
      assertEquals(
          Map.of("contact.name", "contains a broken Unicode character (an unpaired surrogate)"),
          errors(check(withContact(sale("S", 1), "name", broken))),
          broken);
    }
  }

  @Test
  void controlCharactersAreRefusedInShortText() {
    for (String text :
        List.of("Acme\u0000", "Acme\u0007Ltd", "Acme\nLtd", "Acme\u007f", "Acme\u0085")) {
      assertEquals(
          Map.of("contact.name", invisible(text.codePointAt(4))),
          errors(check(withContact(sale("S", 1), "name", text))),
          text);
    }
    assertEquals(
        Map.of("sourceId", invisible(0)),
        errors(check(with(sale("S", 1), "sourceId", "S\u00001"))));
  }

  @Test
  void invisibleAndBidirectionalCharactersAreRefusedInNamesAndNumbers() {
    // Each would make two names that look the same differ, or make one display as another.
    for (int c :
        new int[] {0x202E, 0x202A, 0x200B, 0x200E, 0x2066, 0x2069, 0xFEFF, 0x2028, 0x00AD}) {
      String text = "Acme" + Character.toString(c) + "Ltd";
      assertEquals(
          Map.of("contact.name", invisible(c)),
          errors(check(withContact(sale("S", 1), "name", text))),
          Integer.toHexString(c));
      assertEquals(
          Map.of("number", invisible(c)),
          errors(check(with(sale("S", 1), "number", "INV" + Character.toString(c) + "1"))),
          Integer.toHexString(c));
      assertEquals(
          Map.of("lines[0].description", invisible(c)),
          errors(check(withLine(sale("S", 1), "description", text))),
          Integer.toHexString(c));
    }
    // A byte-order mark at the start, as a spreadsheet may write it, is refused as well.
    assertEquals(
        Map.of("sourceId", invisible(0xFEFF)),
        errors(check(with(sale("S", 1), "sourceId", "\uFEFFS-1"))));
  }

  @Test
  void joinersThatScriptsAndEmojiNeedAreKept() {
    String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    IncomingTransaction item = check(withContact(sale("S", 1), "name", persian + " " + family));

    assertEquals(List.of(), item.errors());
    assertEquals(persian + " " + family, item.content().contact().name());
  }

  private static String invisible(int c) {
    return "contains an invisible or control character (U+" + String.format("%04X", c) + ")";
  }

  @Test
  void lineBreaksAndTabsAreAllowedInDescriptionsOnly() {
    IncomingTransaction item =
        check(withLine(sale("S", 1), "description", "Blue widget\r\n\tsize L"));

    assertTrue(item.isValid());
    assertEquals("Blue widget\r\n\tsize L", item.content().lines().get(0).description());
    assertEquals(
        Map.of("lines[0].description", invisible(0)),
        errors(check(withLine(sale("S", 1), "description", "Blue\u0000widget"))));
  }

  @Test
  void errorsFoundWhileReadingAreNotRepeatedByTheRules() {
    JsonObject sale = with(with(with(sale("S", 1), "contact", "x"), "currency", 3L), "date", true);

    Map<String, String> errors = errors(check(sale));
    assertEquals(
        Map.of(
            "contact", "must be an object",
            "currency", "must be a three-letter ISO 4217 code in capitals, such as NZD",
            "date", "must be text or a number, not true/false"),
        errors);
  }
}
