package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The connected organisation's settings as last downloaded from Xero. */
@Entity
@Table(name = "xero_organisation")
public class XeroOrganisation {

  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Column(nullable = false)
  private String name;

  @Column(name = "legal_name")
  private String legalName;

  @Column(name = "base_currency", nullable = false, length = 3)
  private String baseCurrency;

  @Column(name = "country_code", length = 3)
  private String countryCode;

  @Column(length = 100)
  private String timezone;

  @Column(name = "short_code", length = 20)
  private String shortCode;

  @Column(name = "organisation_type", length = 40)
  private String organisationType;

  @Column(name = "period_lock_date")
  private LocalDate periodLockDate;

  @Column(name = "end_of_year_lock_date")
  private LocalDate endOfYearLockDate;

  @Column(name = "fetched_at", nullable = false)
  private Instant fetchedAt;

  protected XeroOrganisation() {}

  public XeroOrganisation(
      String tenantId,
      String name,
      String legalName,
      String baseCurrency,
      String countryCode,
      String timezone,
      String shortCode,
      String organisationType,
      LocalDate periodLockDate,
      LocalDate endOfYearLockDate,
      Instant fetchedAt) {
    this.tenantId = tenantId;
    this.name = name;
    this.legalName = legalName;
    this.baseCurrency = baseCurrency;
    this.countryCode = countryCode;
    this.timezone = timezone;
    this.shortCode = shortCode;
    this.organisationType = organisationType;
    this.periodLockDate = periodLockDate;
    this.endOfYearLockDate = endOfYearLockDate;
    this.fetchedAt = fetchedAt;
  }

  /**
   * The date on or before which Xero refuses documents: the later of the period and end-of-year
   * lock dates, or null when neither is set.
   */
  public LocalDate effectiveLockDate() {
    if (periodLockDate == null) {
      return endOfYearLockDate;
    }
    if (endOfYearLockDate == null) {
      return periodLockDate;
    }
    return periodLockDate.isAfter(endOfYearLockDate) ? periodLockDate : endOfYearLockDate;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public String getLegalName() {
    return legalName;
  }

  public String getBaseCurrency() {
    return baseCurrency;
  }

  public String getCountryCode() {
    return countryCode;
  }

  public String getTimezone() {
    return timezone;
  }

  public String getShortCode() {
    return shortCode;
  }

  public String getOrganisationType() {
    return organisationType;
  }

  public LocalDate getPeriodLockDate() {
    return periodLockDate;
  }

  public LocalDate getEndOfYearLockDate() {
    return endOfYearLockDate;
  }

  public Instant getFetchedAt() {
    return fetchedAt;
  }
}
