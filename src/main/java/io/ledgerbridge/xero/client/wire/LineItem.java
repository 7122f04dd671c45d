package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;
import java.util.List;

/** A line of an invoice or credit note. Money and quantities are BigDecimal. */
public class LineItem extends XeroElement {

  public String lineItemID;
  public String description;
  public BigDecimal quantity;
  public BigDecimal unitAmount;
  public String itemCode;
  public String accountCode;
  public String accountID;
  public String taxType;
  public BigDecimal taxAmount;
  public BigDecimal lineAmount;
  public BigDecimal discountRate;
  public BigDecimal discountAmount;
  public List<TrackingRef> tracking;
}
