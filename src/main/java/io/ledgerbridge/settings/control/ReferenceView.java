package io.ledgerbridge.settings.control;

import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The downloaded reference data of the connected organisation, indexed for validation and
 * resolution. Built from the rows {@code ReferenceData} returns, or by hand in unit tests.
 */
public final class ReferenceView {

  private final String organisation;
  private final Map<String, XeroAccount> accounts = new LinkedHashMap<>();
  private final Map<String, XeroTaxRate> taxRates = new LinkedHashMap<>();
  private final Map<String, XeroTrackingCategory> categories = new LinkedHashMap<>();
  private final List<XeroTrackingOption> options;

  public ReferenceView(
      String organisation,
      List<XeroAccount> accounts,
      List<XeroTaxRate> taxRates,
      List<XeroTrackingCategory> categories,
      List<XeroTrackingOption> options) {
    this.organisation = organisation;
    accounts.stream()
        .filter(a -> a.getCode() != null)
        .forEach(a -> this.accounts.put(a.getCode().toUpperCase(java.util.Locale.ROOT), a));
    taxRates.forEach(t -> this.taxRates.put(t.getTaxType(), t));
    categories.forEach(c -> this.categories.put(c.getName(), c));
    this.options = List.copyOf(options);
  }

  public String organisation() {
    return organisation;
  }

  /** Xero account codes are case-insensitive. */
  public Optional<XeroAccount> account(String code) {
    return code == null
        ? Optional.empty()
        : Optional.ofNullable(accounts.get(code.toUpperCase(java.util.Locale.ROOT)));
  }

  public Optional<XeroTaxRate> taxRate(String taxType) {
    return Optional.ofNullable(taxRates.get(taxType));
  }

  public Optional<XeroTrackingCategory> category(String name) {
    return Optional.ofNullable(categories.get(name));
  }

  public Optional<XeroTrackingOption> option(XeroTrackingCategory category, String name) {
    return options.stream()
        .filter(o -> o.getCategoryId().equals(category.getCategoryId()))
        .filter(o -> o.getName().equals(name))
        .findFirst();
  }

  public List<XeroAccount> accounts() {
    return List.copyOf(accounts.values());
  }

  public List<XeroTaxRate> taxRates() {
    return List.copyOf(taxRates.values());
  }

  public List<XeroTrackingCategory> categories() {
    return List.copyOf(categories.values());
  }

  public List<XeroTrackingOption> options(XeroTrackingCategory category) {
    return options.stream()
        .filter(o -> o.getCategoryId().equals(category.getCategoryId()))
        .toList();
  }
}
