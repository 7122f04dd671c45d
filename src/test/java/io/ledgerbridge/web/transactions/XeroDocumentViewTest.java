package io.ledgerbridge.web.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.control.XeroTotals.LineResult;
import io.ledgerbridge.imports.control.XeroTotals.Totals;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.xero.client.wire.Contact;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import io.ledgerbridge.xero.client.wire.TrackingRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transaction page shows the previewed document line by line with Xero's own amounts. */
class XeroDocumentViewTest {

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  private static LineItem line(String description, String qty, String unit, String tax) {
    LineItem item = new LineItem();
    item.description = description;
    item.quantity = d(qty);
    item.unitAmount = d(unit);
    item.accountCode = "200";
    item.taxType = tax;
    return item;
  }

  private static TrackingRef tracking(String name, String option) {
    TrackingRef t = new TrackingRef();
    t.name = name;
    t.option = option;
    return t;
  }

  @Test
  void anInvoiceWithARoundingLineKeepsEachLineWithXerosAmountAndTax() {
    LineItem sold = line("SKU-1 — Widget", "3", "3.35", "OUTPUT2");
    sold.discountRate = d("10");
    sold.tracking = List.of(tracking("Region", "North"), tracking("Channel", "Online"));
    LineItem rounding = line("Rounding", "1", "0.01", "NONE");
    Invoice invoice = new Invoice();
    invoice.type = "ACCREC";
    invoice.invoiceNumber = "SO-1001";
    invoice.reference = "PO 7";
    invoice.contact = Contact.reference("430fa14a-f945-44d3-9f97-5df5e28441b8");
    invoice.date = LocalDate.of(2026, 3, 11);
    invoice.dueDate = LocalDate.of(2026, 4, 10);
    invoice.status = "DRAFT";
    invoice.lineAmountTypes = "Exclusive";
    invoice.currencyCode = "AUD";
    invoice.currencyRate = d("0.92");
    invoice.url = "https://lb.example/ledgerbridge/transactions/detail.xhtml?kind=sale&sourceId=1";
    invoice.lineItems = List.of(sold, rounding);
    Totals totals =
        new Totals(
            d("9.06"),
            d("1.36"),
            d("10.42"),
            List.of(new LineResult(d("9.05"), d("1.36")), new LineResult(d("0.01"), d("0.00"))));
    Mapping mapping =
        new Mapping(
            invoice, null, totals, d("10.42"), d("0.01"), d("0.01"), false, List.of(), List.of());
    Preview preview =
        new Preview(
            7L,
            Kind.SALE,
            "1",
            1,
            Preview.Action.CREATE,
            invoice.contact.contactID,
            mapping,
            "hash",
            List.of(),
            List.of(new Problem("NO_TAX_CODE", "Line 2 has no tax code.")),
            null);

    XeroDocumentView view = XeroDocumentView.of(preview);

    assertEquals("Sales invoice (ACCREC)", view.typeLabel());
    assertEquals("430fa14a-f945-44d3-9f97-5df5e28441b8", view.contactId());
    assertEquals("SO-1001", view.number());
    assertEquals("PO 7", view.reference());
    assertEquals("AUD", view.currency());
    assertEquals(d("0.92"), view.currencyRate());
    assertEquals(2, view.lines().size());
    XeroDocumentView.LineView first = view.lines().get(0);
    assertEquals("SKU-1 — Widget", first.description());
    assertEquals(d("10"), first.discountRate());
    assertEquals("Region: North, Channel: Online", first.tracking());
    assertEquals(d("9.05"), first.lineAmount());
    assertEquals(d("1.36"), first.taxAmount());
    XeroDocumentView.LineView last = view.lines().get(1);
    assertEquals("Rounding", last.description());
    assertEquals("", last.tracking());
    assertEquals(d("0.01"), last.lineAmount());
    assertEquals(d("10.42"), view.total());
    assertTrue(view.hasRounding());
    assertTrue(view.totalsAgree());
  }

  @Test
  void aSupplierCreditNoteInTheBaseCurrencyThatDoesNotAddUp() {
    CreditNote note = new CreditNote();
    note.type = "ACCPAYCREDIT";
    note.creditNoteID = "9b1d6c1e-3f59-4c1f-9d0c-1f0c7e1d2a3b";
    note.creditNoteNumber = "SC-55";
    note.status = "SUBMITTED";
    note.lineAmountTypes = "Inclusive";
    note.lineItems = List.of(line("Returned", "2", "11.50", "INPUT2"));
    Totals totals =
        new Totals(
            d("20.00"), d("3.00"), d("23.00"), List.of(new LineResult(d("23.00"), d("3.00"))));
    Mapping mapping =
        new Mapping(
            null,
            note,
            totals,
            d("25.00"),
            d("2.00"),
            d("0.00"),
            false,
            List.of(new Problem("ROUNDING_BEYOND_TOLERANCE", "Xero would total 23.00")),
            List.of());
    Preview preview =
        new Preview(
            8L,
            Kind.SUPPLIER_CREDIT,
            "SC-55",
            3,
            Preview.Action.UPDATE,
            null,
            mapping,
            "hash",
            mapping.blocking(),
            List.of(),
            null);

    XeroDocumentView view = XeroDocumentView.of(preview);

    assertEquals("Supplier credit note (ACCPAYCREDIT)", view.typeLabel());
    assertEquals("9b1d6c1e-3f59-4c1f-9d0c-1f0c7e1d2a3b", view.xeroId());
    assertEquals("SUBMITTED", view.status());
    assertNull(view.contactId(), "not linked");
    assertNull(view.currency(), "base currency: no code");
    assertNull(view.url(), "credit notes carry no Url in Xero");
    assertEquals(d("23.00"), view.lines().get(0).lineAmount());
    assertFalse(view.hasRounding());
    assertFalse(view.totalsAgree());
  }
}
