package io.ledgerbridge.settings.control;

import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks settings against the organisation's downloaded reference data the way Xero will when a
 * document arrives: accounts that are missing or archived, INVENTORY-type accounts (refused on
 * invoice lines and manual journals), bank and system accounts on journals, TaxTypes that do not
 * exist or cannot be used with the account, tracking categories and options that do not exist or
 * are archived; plus the ranges of the plain settings. The pages and the REST API use this same
 * class, so they refuse exactly the same things.
 */
public final class SettingsValidator {

  public static final String NO_REFERENCE_DATA =
      "No Xero reference data has been downloaded yet, so accounts, tax rates and tracking cannot"
          + " be checked: connect Xero and use Refresh from Xero on the Xero organisation page first.";

  public static final int MAX_TRACKING_CATEGORIES = 2;
  public static final int MAX_WINDOW_MONTHS = 120;
  public static final int MAX_PAYMENT_TERMS_DAYS = 365;
  public static final BigDecimal MAX_ROUNDING_TOLERANCE = new BigDecimal("1.00");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

  private final ReferenceView reference;
  private final List<SettingsError> errors = new ArrayList<>();

  private SettingsValidator(ReferenceView reference) {
    this.reference = reference;
  }

  /**
   * Every problem with {@code settings}; empty when they can be saved.
   *
   * @param reference the downloaded reference data, or null when none is downloaded yet
   */
  public static List<SettingsError> validate(AccountingSettings settings, ReferenceView reference) {
    SettingsValidator v = new SettingsValidator(reference);
    v.plain(settings);
    if (reference == null) {
      if (usesXeroData(settings)) {
        v.errors.add(new SettingsError("reference", NO_REFERENCE_DATA));
      }
    } else {
      v.accounts(settings);
      v.overrides(settings);
      v.taxMappings(settings);
      v.tracking(settings);
    }
    return List.copyOf(v.errors);
  }

  private static boolean usesXeroData(AccountingSettings s) {
    return !s.accounts().isEmpty()
        || !s.taxMappings().isEmpty()
        || !s.tracking().isEmpty()
        || s.overrides().values().stream().anyMatch(m -> !m.isEmpty());
  }

  private void plain(AccountingSettings s) {
    Integer window = s.importWindowMonths();
    if (window != null && (window < 1 || window > MAX_WINDOW_MONTHS)) {
      error(
          "importWindowMonths",
          "must be between 1 and " + MAX_WINDOW_MONTHS + " months, or null for no window.");
    }
    Integer terms = s.paymentTermsDays();
    if (terms != null && (terms < 0 || terms > MAX_PAYMENT_TERMS_DAYS)) {
      error(
          "dates.paymentTermsDays",
          "must be between 0 and " + MAX_PAYMENT_TERMS_DAYS + " days, or null for none.");
    }
    BigDecimal tolerance = s.roundingTolerance();
    if (tolerance.signum() < 0 || tolerance.compareTo(MAX_ROUNDING_TOLERANCE) > 0) {
      error("roundingTolerance", "must be between 0.00 and " + MAX_ROUNDING_TOLERANCE + ".");
    }
    prefix("numbering.invoicePrefix", s.numbering().invoicePrefix());
    prefix("numbering.creditNotePrefix", s.numbering().creditNotePrefix());
    template("numbering.salesReference", s.numbering().salesReference());
    template("numbering.purchaseReference", s.numbering().purchaseReference());
    if (s.tracking().size() > MAX_TRACKING_CATEGORIES) {
      error(
          "tracking",
          "Xero allows at most "
              + MAX_TRACKING_CATEGORIES
              + " tracking categories per line; "
              + s.tracking().size()
              + " are mapped.");
    }
    Set<Object> fields = new HashSet<>();
    for (TrackingMapping t : s.tracking()) {
      if (!fields.add(t.sourceField())) {
        error(
            "tracking." + t.category() + ".sourceField",
            "Another tracking category is already fed from " + t.sourceField().jsonName() + ".");
      }
    }
  }

  private void prefix(String field, String prefix) {
    if (prefix.length() > 20) {
      error(field, "must be at most 20 characters.");
    }
  }

  private void template(String field, String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!Numbering.PLACEHOLDERS.contains(m.group())) {
        error(
            field,
            "'"
                + m.group()
                + "' is not a placeholder; use "
                + String.join(", ", Numbering.PLACEHOLDERS)
                + ".");
      }
    }
  }

  private void accounts(AccountingSettings s) {
    for (Map.Entry<AccountRole, String> e : s.accounts().entrySet()) {
      AccountRole role = e.getKey();
      String field = "accounts." + role.jsonName();
      Optional<String> problem = accountProblem(e.getValue(), role.usedInJournals(), role);
      problem.ifPresent(p -> error(field, p));
    }
    s.account(AccountRole.INVENTORY).ifPresent(code -> notAnAsset("accounts.inventory", code));
  }

  /** An inventory asset account that is not an asset: stock value would land in P&L. */
  private void notAnAsset(String field, String code) {
    reference
        .account(code)
        .filter(a -> a.isActive() && !a.isInventoryType())
        .filter(a -> !"ASSET".equals(a.getAccountClass()))
        .ifPresent(
            a ->
                error(
                    field,
                    "Account "
                        + describe(a)
                        + " is not an asset account; the inventory asset account must be a"
                        + " CURRENT-type asset account."));
  }

  private void overrides(AccountingSettings s) {
    for (OverrideScope scope : OverrideScope.values()) {
      for (Map.Entry<String, PerDirection> e : s.overrides().get(scope).entrySet()) {
        for (Direction d : Direction.values()) {
          String code = e.getValue().get(d);
          if (code != null) {
            String field =
                "accountOverrides." + scope.jsonName() + "." + e.getKey() + "." + d.jsonName();
            accountProblem(code, false, null).ifPresent(p -> error(field, p));
          }
        }
        for (AccountRole role : List.of(AccountRole.COGS, AccountRole.INVENTORY)) {
          String code = e.getValue().cost(role);
          if (code != null) {
            String field =
                "accountOverrides." + scope.jsonName() + "." + e.getKey() + "." + role.jsonName();
            accountProblem(code, true, role).ifPresent(p -> error(field, p));
            if (role == AccountRole.INVENTORY) {
              notAnAsset(field, code);
            }
          }
        }
      }
    }
  }

  /**
   * Why Xero would refuse this account on an invoice line (or, with {@code journal}, on a manual
   * journal line); empty when it is usable.
   */
  private Optional<String> accountProblem(String code, boolean journal, AccountRole role) {
    Optional<XeroAccount> found = reference.account(code);
    if (found.isEmpty()) {
      return Optional.of(
          "Account code '"
              + code
              + "' does not exist in "
              + orgName()
              + "'s chart of accounts (as last downloaded).");
    }
    XeroAccount a = found.get();
    if (!a.isActive()) {
      return Optional.of(
          "Account "
              + describe(a)
              + " is "
              + a.getStatus().toLowerCase(java.util.Locale.ROOT)
              + " in Xero; Xero refuses lines that use it. Choose an active account.");
    }
    if (a.isInventoryType()) {
      return Optional.of(
          "Account "
              + describe(a)
              + " is an INVENTORY-type account, which Xero refuses on invoice lines and manual"
              + " journals (it is reserved for Xero's own tracked items). Use a CURRENT-type asset"
              + " account for stock instead.");
    }
    if (a.isBankAccount()) {
      return Optional.of(
          "Account "
              + describe(a)
              + " is a bank account; Xero refuses bank accounts on manual journals and"
              + " LedgerBridge does not post document lines to them. Use a clearing account.");
    }
    String system = a.getSystemAccount();
    boolean roundingOk = role == AccountRole.ROUNDING && "ROUNDING".equals(system);
    if (system != null && !system.isBlank() && !roundingOk) {
      return Optional.of(
          "Account "
              + describe(a)
              + " is a Xero system account ("
              + system
              + ")"
              + (journal
                  ? " and cannot be used in a manual journal."
                  : " and cannot be used here."));
    }
    return Optional.empty();
  }

  private void taxMappings(AccountingSettings s) {
    for (Map.Entry<String, PerDirection> e : s.taxMappings().entrySet()) {
      for (Direction d : Direction.values()) {
        String taxType = e.getValue().get(d);
        if (taxType == null) {
          continue;
        }
        String field = "taxMappings." + e.getKey() + "." + d.jsonName();
        Optional<XeroTaxRate> rate = reference.taxRate(taxType);
        if (rate.isEmpty()) {
          error(
              field,
              "The TaxType '" + taxType + "' does not exist in " + orgName() + "'s tax rates.");
          continue;
        }
        if (!rate.get().isActive()) {
          error(
              field,
              "The tax rate "
                  + taxType
                  + " ("
                  + rate.get().getName()
                  + ") is "
                  + rate.get().getStatus().toLowerCase(java.util.Locale.ROOT)
                  + " in Xero.");
          continue;
        }
        AccountRole role = s.lineRole(d);
        s.account(role)
            .flatMap(reference::account)
            .flatMap(a -> taxTypeProblem(rate.get(), a))
            .ifPresent(p -> error(field, p));
        if (d == Direction.SALES) {
          s.account(AccountRole.DISCOUNTS)
              .flatMap(reference::account)
              .flatMap(a -> taxTypeProblem(rate.get(), a))
              .ifPresent(p -> error(field, p + " (the discounts account)"));
        }
      }
    }
  }

  /** Xero's own refusal when a TaxType cannot be used with an account's class; else empty. */
  public static Optional<String> taxTypeProblem(XeroTaxRate rate, XeroAccount account) {
    if (rate.canApplyTo(account.getAccountClass())) {
      return Optional.empty();
    }
    return Optional.of(
        "The TaxType code '"
            + rate.getTaxType()
            + "' cannot be used with account code '"
            + account.getCode()
            + "' ("
            + account.getName()
            + ", class "
            + account.getAccountClass()
            + ").");
  }

  private void tracking(AccountingSettings s) {
    for (TrackingMapping t : s.tracking()) {
      String path = "tracking." + t.category();
      Optional<XeroTrackingCategory> category = reference.category(t.category());
      if (category.isEmpty()) {
        error(
            path,
            "There is no tracking category '"
                + t.category()
                + "' in "
                + orgName()
                + " (as last downloaded).");
        continue;
      }
      if (!"ACTIVE".equals(category.get().getStatus())) {
        error(path, "The tracking category '" + t.category() + "' is archived in Xero.");
        continue;
      }
      for (Map.Entry<String, String> o : t.options().entrySet()) {
        String field = path + ".options." + o.getKey();
        Optional<XeroTrackingOption> option = reference.option(category.get(), o.getValue());
        if (option.isEmpty()) {
          error(
              field,
              "The tracking category '" + t.category() + "' has no option '" + o.getValue() + "'.");
        } else if (!"ACTIVE".equals(option.get().getStatus())) {
          error(
              field,
              "The option '"
                  + o.getValue()
                  + "' of '"
                  + t.category()
                  + "' is "
                  + option.get().getStatus().toLowerCase(java.util.Locale.ROOT)
                  + " in Xero.");
        }
      }
    }
  }

  private String orgName() {
    return reference.organisation() == null ? "the organisation" : reference.organisation();
  }

  static String describe(XeroAccount a) {
    return a.getCode() + " " + a.getName();
  }

  private void error(String field, String message) {
    errors.add(new SettingsError(field, message));
  }

  /**
   * Why Xero would refuse account {@code code} on an invoice line (or, with {@code journal}, on a
   * manual journal line); empty when it is usable.
   */
  public static Optional<String> accountProblem(
      ReferenceView reference, String code, boolean journal, AccountRole role) {
    return new SettingsValidator(reference).accountProblem(code, journal, role);
  }
}
