package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment on an invoice or credit note. */
public class Payment extends XeroElement {

  public String paymentID;
  public Invoice invoice;
  public CreditNote creditNote;
  public Account account;
  public LocalDate date;
  public BigDecimal amount;
  public BigDecimal currencyRate;
  public String reference;
  public String status;
  public String paymentType;
  public Boolean isReconciled;
  public Instant updatedDateUTC;
}
