package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice ({@code ACCREC}) or bill ({@code ACCPAY}). Dates are organisation-local calendar
 * dates, sent as {@code yyyy-MM-dd}.
 */
public class Invoice extends XeroElement {

  public String type;
  public String invoiceID;
  public String invoiceNumber;
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
  public BigDecimal totalDiscount;
  public BigDecimal amountDue;
  public BigDecimal amountPaid;
  public BigDecimal amountCredited;
  public String currencyCode;
  public BigDecimal currencyRate;
  public String url;
  public Boolean sentToContact;
  public String brandingThemeID;
  public LocalDate fullyPaidOnDate;
  public Boolean hasAttachments;
  public Boolean isDiscounted;
  public List<Payment> payments;
  public Instant updatedDateUTC;
}
