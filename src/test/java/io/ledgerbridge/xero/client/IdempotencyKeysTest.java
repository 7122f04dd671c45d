package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  private static final String ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";

  @Test
  void theSameRequestGetsTheSameShortKey() {
    String body = "{\"Invoices\":[{\"InvoiceNumber\":\"SO-1\"}]}";
    String key = IdempotencyKeys.derive(ORG, "PUT", "Invoices?summarizeErrors=false", body);
    assertEquals(key, IdempotencyKeys.derive(ORG, "PUT", "Invoices?summarizeErrors=false", body));
    assertTrue(key.startsWith("lb1-"), key);
    assertEquals(36, key.length());
    assertTrue(key.matches("lb1-[A-Za-z0-9_-]{32}"), key);
  }

  @Test
  void anyDifferenceGivesANewKey() {
    String body = "{\"Invoices\":[{\"InvoiceNumber\":\"SO-1\"}]}";
    String key = IdempotencyKeys.derive(ORG, "PUT", "Invoices?summarizeErrors=false", body);
    assertNotEquals(
        key, IdempotencyKeys.derive(ORG, "POST", "Invoices?summarizeErrors=false", body));
    assertNotEquals(
        key, IdempotencyKeys.derive(ORG, "PUT", "CreditNotes?summarizeErrors=false", body));
    assertNotEquals(
        key, IdempotencyKeys.derive(ORG, "PUT", "Invoices?summarizeErrors=false", body + " "));
    assertNotEquals(
        key,
        IdempotencyKeys.derive(
            "b0c1a2d3-0000-4000-8000-00000000d3a1", "PUT", "Invoices?summarizeErrors=false", body));
    // The parts are separated, so moving text from one to the next changes the key.
    assertNotEquals(
        IdempotencyKeys.derive(ORG, "PUT", "ab", "c"),
        IdempotencyKeys.derive(ORG, "PUT", "a", "bc"));
  }
}
