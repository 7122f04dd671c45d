package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A credit note ({@code ACCRECCREDIT} or {@code ACCPAYCREDIT}). */
public class CreditNote extends XeroElement {

  public String type;
  public String creditNoteID;
  public String creditNoteNumber;
  public String reference;
  public Contact contact;
  public LocalDate date;
  public LocalDate dueDate;
  public String status;
  public String lineAmountTypes;
  public List<LineItem> lineItems;
  public BigDecimal subTotal;
  public BigDecimal totalTax;
  public BigDecimal total;
  public BigDecimal remainingCredit;
  public String currencyCode;
  public BigDecimal currencyRate;
  public Boolean sentToContact;
  public String brandingThemeID;
  public LocalDate fullyPaidOnDate;
  public Boolean hasAttachments;
  public Instant updatedDateUTC;
}
