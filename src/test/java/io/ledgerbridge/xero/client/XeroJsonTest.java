package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.xero.client.wire.Contact;
import io.ledgerbridge.xero.client.wire.Envelope;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import io.ledgerbridge.xero.client.wire.XeroDates;
import io.ledgerbridge.xero.client.wire.XeroJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class XeroJsonTest {

  private static final XeroJson JSON = new XeroJson();

  @AfterAll
  static void close() {
    JSON.close();
  }

  @Test
  void msJsonDatesAreReadInUtcWhateverTheOffsetSays() {
    assertEquals(LocalDate.of(2019, 3, 11), XeroDates.parseDate("/Date(1552262400000+0000)/"));
    assertEquals(LocalDate.of(2019, 3, 11), XeroDates.parseDate("/Date(1552262400000+1300)/"));
    assertEquals(
        Instant.parse("2019-03-11T17:58:46.117Z"),
        XeroDates.parseTimestamp("/Date(1552327126117+0000)/"));
    assertEquals(
        Instant.ofEpochMilli(1719878400000L), XeroDates.parseTimestamp("/Date(1719878400000)/"));
    assertEquals(
        Instant.ofEpochMilli(-86_400_000L), XeroDates.parseTimestamp("/Date(-86400000+0000)/"));
    assertEquals(LocalDate.of(2009, 5, 27), XeroDates.parseDate("2009-05-27T00:00:00"));
    assertEquals(LocalDate.of(2009, 5, 27), XeroDates.parseDate("2009-05-27"));
    assertEquals(
        Instant.parse("2019-03-11T17:58:46Z"), XeroDates.parseTimestamp("2019-03-11T17:58:46Z"));
    assertNull(XeroDates.parseDate(null));
    assertNull(XeroDates.parseDate(" "));
  }

  @Test
  void anAnswerIsReadWithPascalCaseDatesMoneyAndUnknownFieldsAndValues() {
    String answer =
        """
        {"Id":"b7c0","Status":"OK","ProviderName":"LedgerBridge","DateTimeUTC":"/Date(1719878400000)/",
         "pagination":{"page":1,"pageSize":100,"pageCount":3,"itemCount":250},
         "Invoices":[{"Type":"ACCREC","InvoiceID":"1f0e","InvoiceNumber":"SO-1001",
           "Status":"SOMETHING_NEW","LineAmountTypes":"Exclusive","Date":"/Date(1552262400000+0000)/",
           "DateString":"2019-03-11T00:00:00","NewXeroField":{"x":[1,2]},
           "Contact":{"ContactID":"c1","Name":"Harbour Café"},
           "LineItems":[{"Description":"Widget","Quantity":2.0000,"UnitAmount":20.10,
             "LineAmount":40.20,"Tracking":[{"Name":"Region","Option":"North"}]}],
           "Total":46.23,"UpdatedDateUTC":"/Date(1552327126117+0000)/",
           "StatusAttributeString":"OK"},
          {"Type":"ACCREC","InvoiceID":"00000000-0000-0000-0000-000000000000","HasErrors":true,
           "StatusAttributeString":"ERROR","ValidationErrors":[{"Message":"Invoice # must be unique."},
           {"Description":"Account code '999' is not a valid code for this document."}]}]}
        """;
    Envelope envelope = JSON.fromJson(answer, Envelope.class);
    assertEquals(3, envelope.pagination.pageCount);
    assertEquals(Instant.ofEpochMilli(1719878400000L), envelope.dateTimeUTC);
    Invoice ok = envelope.invoices.get(0);
    assertEquals("SO-1001", ok.invoiceNumber);
    assertEquals("SOMETHING_NEW", ok.status);
    assertEquals(LocalDate.of(2019, 3, 11), ok.date);
    assertEquals(new BigDecimal("46.23"), ok.total);
    assertEquals(new BigDecimal("20.10"), ok.lineItems.get(0).unitAmount);
    assertEquals("North", ok.lineItems.get(0).tracking.get(0).option);
    assertEquals("Harbour Café", ok.contact.name);
    assertFalse(ok.refused());
    Invoice refused = envelope.invoices.get(1);
    assertTrue(refused.refused());
    assertEquals(
        List.of(
            "Invoice # must be unique.",
            "Account code '999' is not a valid code for this document."),
        refused.errorMessages());
  }

  @Test
  void aRequestCarriesPascalCaseNamesDatesAsYyyyMmDdAndNoNulls() {
    Invoice invoice = new Invoice();
    invoice.type = "ACCREC";
    invoice.contact = Contact.reference("430fa14a");
    invoice.date = LocalDate.of(2026, 11, 29);
    invoice.invoiceNumber = "SO-1";
    LineItem line = new LineItem();
    line.quantity = new BigDecimal("2");
    line.unitAmount = new BigDecimal("19.95");
    line.accountCode = "200";
    invoice.lineItems = List.of(line);
    Envelope body = new Envelope();
    body.invoices = List.of(invoice);

    String json = JSON.toJson(body);

    assertEquals(
        "{\"Invoices\":[{\"Contact\":{\"ContactID\":\"430fa14a\"},\"Date\":\"2026-11-29\","
            + "\"InvoiceNumber\":\"SO-1\",\"LineItems\":[{\"AccountCode\":\"200\",\"Quantity\":2,"
            + "\"UnitAmount\":19.95}],\"Type\":\"ACCREC\"}]}",
        json);
  }
}
