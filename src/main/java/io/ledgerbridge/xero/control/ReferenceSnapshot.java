package io.ledgerbridge.xero.control;

import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroCurrency;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import java.util.List;

/** Everything one refresh downloaded from an organisation, ready to replace what is stored. */
public record ReferenceSnapshot(
    XeroOrganisation organisation,
    List<XeroAccount> accounts,
    List<XeroTaxRate> taxRates,
    List<XeroTrackingCategory> trackingCategories,
    List<XeroTrackingOption> trackingOptions,
    List<XeroCurrency> currencies) {

  public ReferenceSnapshot {
    accounts = List.copyOf(accounts);
    taxRates = List.copyOf(taxRates);
    trackingCategories = List.copyOf(trackingCategories);
    trackingOptions = List.copyOf(trackingOptions);
    currencies = List.copyOf(currencies);
  }

  public String tenantId() {
    return organisation.getTenantId();
  }
}
