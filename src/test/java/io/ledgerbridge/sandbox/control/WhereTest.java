package io.ledgerbridge.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WhereTest {

  // 2026-01-15 and 2026-02-01, as Xero writes dates.
  static final JsonObject JANUARY =
      Json.createObjectBuilder()
          .add("InvoiceID", "8f5b0b5e-1111-4000-8000-000000000001")
          .add("InvoiceNumber", "INV-0001")
          .add("Type", "ACCREC")
          .add("Status", "DRAFT")
          .add("Date", "/Date(1768435200000+0000)/")
          .add("AmountDue", 115.00)
          .add("Reference", "Kōwhai order 17")
          .add(
              "Contact", Json.createObjectBuilder().add("ContactID", "c-1").add("Name", "Ākau Ltd"))
          .build();
  static final JsonObject FEBRUARY =
      Json.createObjectBuilder()
          .add("InvoiceID", "8f5b0b5e-1111-4000-8000-000000000002")
          .add("InvoiceNumber", "INV-0002")
          .add("Type", "ACCPAY")
          .add("Status", "AUTHORISED")
          .add("Date", "/Date(1769904000000+0000)/")
          .add("AmountDue", 20.5)
          .add("Contact", Json.createObjectBuilder().add("ContactID", "c-2").add("Name", "Bay Co"))
          .build();

  static List<String> numbers(String where) {
    Predicate<JsonObject> p = Where.parse(where);
    return List.of(JANUARY, FEBRUARY).stream()
        .filter(p)
        .map(j -> j.getString("InvoiceNumber"))
        .toList();
  }

  @Test
  void equalityIgnoresCaseAndAccentsAndJoinsWithAnd() {
    assertEquals(List.of("INV-0001"), numbers("Type==\"ACCREC\" AND Status==\"draft\""));
    assertEquals(List.of("INV-0001"), numbers("Contact.Name=\"akau ltd\""));
    assertEquals(List.of("INV-0002"), numbers("Type!=\"ACCREC\""));
    assertEquals(List.of(), numbers("Type==\"ACCREC\" && Status==\"AUTHORISED\""));
  }

  @Test
  void dateRangesWithDateTime() {
    assertEquals(List.of("INV-0002"), numbers("Date >= DateTime(2026, 02, 01)"));
    assertEquals(List.of("INV-0001"), numbers("Date < DateTime(2026,02,01)"));
    assertEquals(
        List.of("INV-0001", "INV-0002"),
        numbers("Date >= DateTime(2026, 01, 15) AND Date <= DateTime(2026, 02, 01, 0, 0, 0)"));
    assertEquals(List.of(), numbers("Date > DateTime(2026, 02, 01)"));
  }

  @Test
  void numbersGuidsOrAndMethods() {
    assertEquals(List.of("INV-0001"), numbers("AmountDue > 100"));
    assertEquals(List.of("INV-0002"), numbers("AmountDue <= 20.50"));
    assertEquals(
        List.of("INV-0002"), numbers("InvoiceID==guid(\"8F5B0B5E-1111-4000-8000-000000000002\")"));
    assertEquals(
        List.of("INV-0001", "INV-0002"),
        numbers("InvoiceNumber==\"INV-0001\" OR InvoiceNumber==\"INV-0002\""));
    assertEquals(
        List.of("INV-0001"),
        numbers("(Type==\"ACCPAY\" OR Reference.Contains(\"KOWHAI\")) AND Status==\"DRAFT\""));
    assertEquals(List.of("INV-0002"), numbers("Contact.Name.StartsWith(\"bay\")"));
    assertEquals(List.of("INV-0002"), numbers("NOT Contact.Name.EndsWith(\"ltd\")"));
  }

  @Test
  void malformedClausesAreQueryErrors() {
    for (String bad :
        List.of(
            "Type ~ \"ACCREC\"",
            "Type==",
            "Type==\"ACCREC\" AND",
            "(Type==\"ACCREC\"",
            "Date > DateTime(2026, 13, 1)",
            "Name.Matches(\"x\")",
            "Type==ACCREC",
            "Name LIKE \"x\"",
            "Name AND \"x\"")) {
      assertThrows(IllegalArgumentException.class, () -> Where.parse(bad), bad);
    }
    assertTrue(Where.parse(null).test(JANUARY));
    assertTrue(Where.parse("  ").test(JANUARY));
  }

  @Test
  void orderByDateDescendingThenNumber() {
    List<JsonObject> sorted =
        List.of(JANUARY, FEBRUARY).stream().sorted(Where.order("Date DESC")).toList();
    assertEquals("INV-0002", sorted.get(0).getString("InvoiceNumber"));
    sorted =
        List.of(JANUARY, FEBRUARY).stream().sorted(Where.order("Type ASC, InvoiceNumber")).toList();
    assertEquals("INV-0002", sorted.get(0).getString("InvoiceNumber")); // ACCPAY before ACCREC
    sorted = List.of(JANUARY, FEBRUARY).stream().sorted(Where.order("AmountDue")).toList();
    assertEquals("INV-0002", sorted.get(0).getString("InvoiceNumber"));
    assertEquals(null, Where.order(null));
    assertThrows(IllegalArgumentException.class, () -> Where.order("Date SIDEWAYS"));
    assertThrows(IllegalArgumentException.class, () -> Where.order("Date; DROP"));
  }
}
