package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;

/** One component of a tax rate. */
public class TaxComponent extends XeroObject {

  public String name;
  public BigDecimal rate;
  public Boolean isCompound;
  public Boolean isNonRecoverable;
}
