package io.ledgerbridge.web.transactions;

import io.ledgerbridge.imports.control.DocumentMapper;
import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.control.XeroTotals.LineResult;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import io.ledgerbridge.xero.client.wire.ManualJournalLine;
import io.ledgerbridge.xero.client.wire.TrackingRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The document a preview would send, as the transaction page shows it: Xero's wire types stay out
 * of the page, which reads these plain values (and Faces reads getters or record accessors, not the
 * wire types' public fields).
 *
 * @param currency the document's currency code; null when it is in the organisation's base currency
 *     (Xero then takes the base currency, and no code is sent)
 * @param lines each line as sent, with the amount and tax Xero will compute for it
 */
public record XeroDocumentView(
    String type,
    String xeroId,
    String status,
    String contactId,
    String number,
    String reference,
    LocalDate date,
    LocalDate dueDate,
    String currency,
    BigDecimal currencyRate,
    String lineAmountTypes,
    boolean unitdp4,
    String url,
    List<LineView> lines,
    BigDecimal subTotal,
    BigDecimal totalTax,
    BigDecimal total,
    BigDecimal sourceTotal,
    BigDecimal difference,
    BigDecimal rounding) {

  /** One line item as sent, and Xero's amount and tax for it. */
  public record LineView(
      String description,
      BigDecimal quantity,
      BigDecimal unitAmount,
      BigDecimal discountRate,
      String accountCode,
      String taxType,
      String tracking,
      BigDecimal lineAmount,
      BigDecimal taxAmount) {}

  public static XeroDocumentView of(Preview preview) {
    Mapping m = preview.mapping();
    if (m.journal() != null) {
      return journal(m);
    }
    Invoice i = m.invoice();
    CreditNote c = m.creditNote();
    List<LineItem> items = m.lineItems() == null ? List.of() : m.lineItems();
    List<LineResult> results = m.xeroTotals().lines();
    List<LineView> lines = new ArrayList<>(items.size());
    for (int n = 0; n < items.size(); n++) {
      LineItem item = items.get(n);
      LineResult result = n < results.size() ? results.get(n) : null;
      lines.add(
          new LineView(
              item.description,
              item.quantity,
              item.unitAmount,
              item.discountRate,
              item.accountCode,
              item.taxType,
              tracking(item.tracking),
              result == null ? null : result.lineAmount(),
              result == null ? null : result.taxAmount()));
    }
    boolean invoice = i != null;
    return new XeroDocumentView(
        invoice ? i.type : c.type,
        invoice ? i.invoiceID : c.creditNoteID,
        invoice ? i.status : c.status,
        contactId(invoice ? i.contact : c.contact),
        invoice ? i.invoiceNumber : c.creditNoteNumber,
        invoice ? i.reference : c.reference,
        invoice ? i.date : c.date,
        invoice ? i.dueDate : c.dueDate,
        invoice ? i.currencyCode : c.currencyCode,
        invoice ? i.currencyRate : c.currencyRate,
        invoice ? i.lineAmountTypes : c.lineAmountTypes,
        m.unitdp4(),
        invoice ? i.url : null,
        List.copyOf(lines),
        m.xeroTotals().subTotal(),
        m.xeroTotals().totalTax(),
        m.xeroTotals().total(),
        m.sourceTotal(),
        m.difference(),
        m.rounding());
  }

  /** A manual journal: one line per journal line, the amount signed (debit +, credit −). */
  private static XeroDocumentView journal(Mapping m) {
    ManualJournal j = m.journal();
    List<LineView> lines = new ArrayList<>();
    for (ManualJournalLine line : j.journalLines) {
      lines.add(
          new LineView(
              line.description,
              null,
              null,
              null,
              line.accountCode,
              line.taxType,
              tracking(line.tracking),
              line.lineAmount,
              null));
    }
    return new XeroDocumentView(
        m.xeroType(),
        j.manualJournalID,
        j.status,
        null,
        j.narration,
        null,
        j.date,
        null,
        null,
        null,
        j.lineAmountTypes,
        false,
        j.url,
        List.copyOf(lines),
        m.xeroTotals().subTotal(),
        m.xeroTotals().totalTax(),
        m.xeroTotals().total(),
        m.sourceTotal(),
        m.difference(),
        m.rounding());
  }

  private static String contactId(io.ledgerbridge.xero.client.wire.Contact contact) {
    return contact == null ? null : contact.contactID;
  }

  /** "Region: North, Channel: Web". */
  static String tracking(List<TrackingRef> tracking) {
    if (tracking == null || tracking.isEmpty()) {
      return "";
    }
    return tracking.stream().map(t -> t.name + ": " + t.option).collect(Collectors.joining(", "));
  }

  /** A manual journal (a stock adjustment's): no contact, no tax, debits and credits. */
  public boolean journal() {
    return DocumentMapper.JOURNAL_TYPE.equals(type);
  }

  /** Whether a rounding line makes Xero's total equal the source total. */
  public boolean hasRounding() {
    return rounding != null && rounding.signum() != 0;
  }

  /** Whether Xero's total (rounding line included) equals the source total. */
  public boolean totalsAgree() {
    return sourceTotal != null && total != null && sourceTotal.compareTo(total) == 0;
  }

  /** "ACCREC invoice" and the like, for people. */
  public String typeLabel() {
    if (type == null) {
      return "";
    }
    return switch (type) {
      case "ACCREC" -> "Sales invoice (ACCREC)";
      case "ACCPAY" -> "Bill (ACCPAY)";
      case "ACCRECCREDIT" -> "Customer credit note (ACCRECCREDIT)";
      case "ACCPAYCREDIT" -> "Supplier credit note (ACCPAYCREDIT)";
      case DocumentMapper.JOURNAL_TYPE -> "Manual journal (debits +, credits −)";
      default -> type;
    };
  }
}
