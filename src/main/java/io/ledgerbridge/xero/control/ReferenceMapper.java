package io.ledgerbridge.xero.control;

import io.ledgerbridge.xero.client.wire.Account;
import io.ledgerbridge.xero.client.wire.Currency;
import io.ledgerbridge.xero.client.wire.Organisation;
import io.ledgerbridge.xero.client.wire.TaxRate;
import io.ledgerbridge.xero.client.wire.TrackingCategory;
import io.ledgerbridge.xero.client.wire.TrackingOption;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroCurrency;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns what Xero sent (wire types) into LedgerBridge's stored reference data, so Xero's types stop
 * at the xero component's edge. Tolerant as Xero's data is: a missing status reads as ACTIVE, a
 * missing rate as zero, an account without a code is kept (Xero allows them for some system
 * accounts) but can never be chosen by code.
 */
public final class ReferenceMapper {

  private ReferenceMapper() {}

  public static ReferenceSnapshot snapshot(
      String tenantId,
      Organisation organisation,
      List<Account> accounts,
      List<TaxRate> taxRates,
      List<TrackingCategory> trackingCategories,
      List<Currency> currencies,
      Instant fetchedAt) {
    Objects.requireNonNull(organisation, "Xero sent no organisation");
    XeroOrganisation org =
        new XeroOrganisation(
            tenantId,
            text(organisation.name, "(unnamed organisation)"),
            organisation.legalName,
            text(organisation.baseCurrency, "NZD"),
            organisation.countryCode,
            organisation.timezone,
            organisation.shortCode,
            organisation.organisationType,
            organisation.periodLockDate,
            organisation.endOfYearLockDate,
            fetchedAt);
    List<XeroAccount> accountRows = new ArrayList<>();
    for (Account a : accounts) {
      if (a.accountID == null) {
        continue;
      }
      accountRows.add(
          new XeroAccount(
              tenantId,
              a.accountID,
              blankToNull(a.code),
              text(a.name, a.code == null ? "(unnamed account)" : a.code),
              text(a.type, "UNKNOWN"),
              a.accountClass,
              text(a.status, "ACTIVE"),
              blankToNull(a.taxType),
              blankToNull(a.systemAccount)));
    }
    List<XeroTaxRate> rateRows = new ArrayList<>();
    for (TaxRate t : taxRates) {
      if (t.taxType == null) {
        continue;
      }
      rateRows.add(
          new XeroTaxRate(
              tenantId,
              t.taxType,
              text(t.name, t.taxType),
              text(t.status, "ACTIVE"),
              t.effectiveRate == null ? BigDecimal.ZERO : t.effectiveRate,
              t.displayTaxRate,
              Boolean.TRUE.equals(t.canApplyToRevenue),
              Boolean.TRUE.equals(t.canApplyToExpenses),
              Boolean.TRUE.equals(t.canApplyToAssets),
              Boolean.TRUE.equals(t.canApplyToLiabilities),
              Boolean.TRUE.equals(t.canApplyToEquity)));
    }
    List<XeroTrackingCategory> categoryRows = new ArrayList<>();
    List<XeroTrackingOption> optionRows = new ArrayList<>();
    for (TrackingCategory c : trackingCategories) {
      if (c.trackingCategoryID == null) {
        continue;
      }
      categoryRows.add(
          new XeroTrackingCategory(
              tenantId, c.trackingCategoryID, text(c.name, "(unnamed)"), text(c.status, "ACTIVE")));
      if (c.options != null) {
        for (TrackingOption o : c.options) {
          if (o.trackingOptionID != null) {
            optionRows.add(
                new XeroTrackingOption(
                    tenantId,
                    c.trackingCategoryID,
                    o.trackingOptionID,
                    text(o.name, "(unnamed)"),
                    text(o.status, "ACTIVE")));
          }
        }
      }
    }
    List<XeroCurrency> currencyRows = new ArrayList<>();
    for (Currency c : currencies) {
      if (c.code != null) {
        currencyRows.add(new XeroCurrency(tenantId, c.code, c.description));
      }
    }
    return new ReferenceSnapshot(
        org, accountRows, rateRows, categoryRows, optionRows, currencyRows);
  }

  private static String text(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
