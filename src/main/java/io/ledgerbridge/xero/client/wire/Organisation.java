package io.ledgerbridge.xero.client.wire;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.LocalDate;

/** The organisation (GET /Organisation): base currency, lock dates, country, timezone. */
public class Organisation extends XeroObject {

  public String organisationID;
  public String name;
  public String legalName;
  public String shortCode;
  public String baseCurrency;
  public String countryCode;
  public String timezone;
  public String organisationType;
  public String organisationStatus;
  public String version;

  @JsonbProperty("Class")
  public String organisationClass;

  public Boolean isDemoCompany;
  public LocalDate periodLockDate;
  public LocalDate endOfYearLockDate;
  public Integer financialYearEndDay;
  public Integer financialYearEndMonth;
  public String salesTaxBasis;
  public String salesTaxPeriod;
  public String defaultSalesTax;
  public String defaultPurchasesTax;
  public Instant createdDateUTC;
}
