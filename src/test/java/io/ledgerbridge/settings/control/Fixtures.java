package io.ledgerbridge.settings.control;

import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.OverrideScope;
import io.ledgerbridge.settings.entity.PerDirection;
import io.ledgerbridge.settings.entity.TrackingMapping;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The sandbox's demo organisation (SandboxSeed) as downloaded reference data. */
final class Fixtures {

  static final String T = "tenant";

  private Fixtures() {}

  static ReferenceView demoOrganisation() {
    List<XeroAccount> accounts = new ArrayList<>();
    accounts.add(account("090", "Business Bank Account", "BANK", "ASSET", "ACTIVE", null));
    accounts.add(account("200", "Sales", "REVENUE", "REVENUE", "ACTIVE", null));
    accounts.add(account("210", "Sales - Wholesale", "REVENUE", "REVENUE", "ACTIVE", null));
    accounts.add(account("270", "Discounts Given", "REVENUE", "REVENUE", "ACTIVE", null));
    accounts.add(account("300", "Purchases", "DIRECTCOSTS", "EXPENSE", "ACTIVE", null));
    accounts.add(account("310", "Cost of Goods Sold", "DIRECTCOSTS", "EXPENSE", "ACTIVE", null));
    accounts.add(account("320", "Freight Inwards", "DIRECTCOSTS", "EXPENSE", "ACTIVE", null));
    accounts.add(account("330", "Stock Adjustments", "DIRECTCOSTS", "EXPENSE", "ACTIVE", null));
    accounts.add(account("429", "General Expenses", "EXPENSE", "EXPENSE", "ACTIVE", null));
    accounts.add(account("610", "Accounts Receivable", "CURRENT", "ASSET", "ACTIVE", "DEBTORS"));
    accounts.add(account("630", "Inventory", "INVENTORY", "ASSET", "ACTIVE", null));
    accounts.add(
        account("635", "Stock on Hand - LedgerBridge", "CURRENT", "ASSET", "ACTIVE", null));
    accounts.add(account("860", "Rounding", "CURRLIAB", "LIABILITY", "ACTIVE", "ROUNDING"));
    accounts.add(
        account("960", "Retained Earnings", "EQUITY", "EQUITY", "ACTIVE", "RETAINEDEARNINGS"));
    accounts.add(account("499", "Old Sales (do not use)", "REVENUE", "REVENUE", "ARCHIVED", null));
    List<XeroTaxRate> rates =
        List.of(
            rate("INPUT2", "15% GST on Expenses", "15", false, true, "ACTIVE"),
            rate("OUTPUT2", "15% GST on Income", "15", true, false, "ACTIVE"),
            rate("NONE", "No GST", "0", true, true, "ACTIVE"),
            rate("ZERORATED", "Zero Rated", "0", true, false, "ACTIVE"),
            rate("ZERORATEDINPUT", "Zero Rated Expenses", "0", false, true, "ACTIVE"),
            rate("OLDGST", "12.5% GST (old)", "12.5", true, true, "DELETED"));
    XeroTrackingCategory region = new XeroTrackingCategory(T, "cat-region", "Region", "ACTIVE");
    XeroTrackingCategory channel =
        new XeroTrackingCategory(T, "cat-channel", "Sales Channel", "ACTIVE");
    XeroTrackingCategory old = new XeroTrackingCategory(T, "cat-old", "Old Projects", "ARCHIVED");
    List<XeroTrackingOption> options =
        List.of(
            new XeroTrackingOption(T, "cat-region", "o1", "Auckland", "ACTIVE"),
            new XeroTrackingOption(T, "cat-region", "o2", "Wellington", "ACTIVE"),
            new XeroTrackingOption(T, "cat-region", "o3", "Christchurch", "ACTIVE"),
            new XeroTrackingOption(T, "cat-region", "o4", "Dunedin", "ARCHIVED"),
            new XeroTrackingOption(T, "cat-channel", "o5", "POS", "ACTIVE"),
            new XeroTrackingOption(T, "cat-channel", "o6", "Web", "ACTIVE"),
            new XeroTrackingOption(T, "cat-channel", "o7", "Wholesale", "ACTIVE"));
    return new ReferenceView(
        "Demo Company (NZ)", accounts, rates, List.of(region, channel, old), options);
  }

  static XeroAccount account(
      String code, String name, String type, String accountClass, String status, String system) {
    return new XeroAccount(T, "id-" + code, code, name, type, accountClass, status, "NONE", system);
  }

  static XeroTaxRate rate(
      String type, String name, String rate, boolean revenue, boolean expenses, String status) {
    BigDecimal r = new BigDecimal(rate);
    return new XeroTaxRate(T, type, name, status, r, r, revenue, expenses, true, true, true);
  }

  /** A complete, valid perpetual set-up for the demo organisation. */
  static AccountingSettings valid() {
    Map<AccountRole, String> accounts = new EnumMap<>(AccountRole.class);
    accounts.put(AccountRole.SALES, "200");
    accounts.put(AccountRole.PURCHASES, "300");
    accounts.put(AccountRole.INVENTORY, "635");
    accounts.put(AccountRole.COGS, "310");
    accounts.put(AccountRole.FREIGHT, "320");
    accounts.put(AccountRole.DISCOUNTS, "270");
    accounts.put(AccountRole.ROUNDING, "860");
    accounts.put(AccountRole.STOCK_ADJUSTMENT, "330");
    return new AccountingSettings(
        AccountingMethod.PERPETUAL,
        accounts,
        Map.of(
            OverrideScope.PRODUCT, Map.of("GAD-100", new PerDirection("210", null)),
            OverrideScope.CONTACT, Map.of("CUS-012", new PerDirection("210", null)),
            OverrideScope.BRANCH, Map.of("Wellington", new PerDirection(null, "300"))),
        Map.of(
            "GST", new PerDirection("OUTPUT2", "INPUT2"),
            "ZERO", new PerDirection("ZERORATED", "ZERORATEDINPUT")),
        List.of(
            new TrackingMapping(
                "Region",
                io.ledgerbridge.settings.entity.SourceField.BRANCH,
                Map.of("Auckland", "Auckland", "Wellington", "Wellington")),
            new TrackingMapping(
                "Sales Channel",
                io.ledgerbridge.settings.entity.SourceField.CHANNEL,
                Map.of("POS", "POS", "Web", "Web"))),
        new Numbering("", "CN-", "{reference}", "{number} {reference}"),
        DateSource.INVOICE_DATE,
        20,
        new BigDecimal("0.05"),
        6);
  }

  static AccountingSettings withAccount(AccountingSettings s, AccountRole role, String code) {
    Map<AccountRole, String> accounts = new EnumMap<>(AccountRole.class);
    accounts.putAll(s.accounts());
    if (code == null) {
      accounts.remove(role);
    } else {
      accounts.put(role, code);
    }
    return new AccountingSettings(
        s.accountingMethod(),
        accounts,
        s.overrides(),
        s.taxMappings(),
        s.tracking(),
        s.numbering(),
        s.xeroDate(),
        s.paymentTermsDays(),
        s.roundingTolerance(),
        s.importWindowMonths());
  }
}
