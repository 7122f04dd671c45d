package io.ledgerbridge.intake.entity;

import io.ledgerbridge.platform.TextRules;

/** The kinds of source transaction, each with the Xero document it becomes. */
public enum Kind {
  SALE("Invoices", "Sales invoice", "ACCREC invoice"),
  PURCHASE("Bills", "Purchase bill", "ACCPAY bill"),
  CUSTOMER_CREDIT("Customer credits", "Customer credit note", "ACCRECCREDIT credit note"),
  SUPPLIER_CREDIT("Supplier credits", "Supplier credit note", "ACCPAYCREDIT credit note"),
  STOCK_ADJUSTMENT("Stock adjustments", "Stock adjustment", "manual journal"),
  /**
   * A month's cost of goods sold (or a delta to it once posted), made by LedgerBridge from the
   * month's sales and restocked returns (issue 12 §2); never sent by the inventory system.
   */
  COGS("COGS journals", "COGS journal", "manual journal"),
  /**
   * Under the periodic method, a month end's change in stock value (or a delta to it once posted),
   * made by LedgerBridge from the inventory system's stock valuation and Xero's balance of the
   * inventory account (issue 12 §3); never sent by the inventory system.
   */
  CLOSING_STOCK("Closing stock journals", "Closing stock journal", "manual journal");

  private final String plural;
  private final String singular;
  private final String xeroDocument;

  Kind(String plural, String singular, String xeroDocument) {
    this.plural = plural;
    this.singular = singular;
    this.xeroDocument = xeroDocument;
  }

  public String plural() {
    return plural;
  }

  public String singular() {
    return singular;
  }

  public String xeroDocument() {
    return xeroDocument;
  }

  /** Journals have no counterparty; every other kind needs a contact. */
  public boolean hasContact() {
    return !journal();
  }

  /** Whether the kind becomes a Xero manual journal rather than an invoice or credit note. */
  public boolean journal() {
    return this == STOCK_ADJUSTMENT || this == COGS || this == CLOSING_STOCK;
  }

  /**
   * Whether the inventory system sends this kind. COGS and closing-stock journals are
   * LedgerBridge's own, made month by month and imported by month only.
   */
  public boolean received() {
    return this != COGS && this != CLOSING_STOCK;
  }

  /** The kinds the inventory system sends, in menu order. */
  public static java.util.List<Kind> receivedKinds() {
    return java.util.Arrays.stream(values()).filter(Kind::received).toList();
  }

  public String urlName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<Kind> parse(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    String normalised = TextRules.token(text).orElse("").replace('-', '_');
    for (Kind kind : values()) {
      if (kind.name().equals(normalised)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }
}
