package io.ledgerbridge.xero.client.wire;

import java.math.BigDecimal;
import java.util.List;

/** A tax rate (GET /TaxRates); {@code TaxType} is what lines refer to. */
public class TaxRate extends XeroElement {

  public String name;
  public String taxType;
  public String status;
  public String reportTaxType;
  public Boolean canApplyToAssets;
  public Boolean canApplyToEquity;
  public Boolean canApplyToExpenses;
  public Boolean canApplyToLiabilities;
  public Boolean canApplyToRevenue;
  public BigDecimal displayTaxRate;
  public BigDecimal effectiveRate;
  public List<TaxComponent> taxComponents;
}
