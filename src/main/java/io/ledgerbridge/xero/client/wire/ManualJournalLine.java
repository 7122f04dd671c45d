package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;
import java.util.List;

/** A journal line: debits positive, credits negative. */
public class ManualJournalLine extends XeroElement {

  public BigDecimal lineAmount;
  public String accountCode;
  public String accountID;
  public String description;
  public String taxType;
  public BigDecimal taxAmount;
  public List<TrackingRef> tracking;
}
