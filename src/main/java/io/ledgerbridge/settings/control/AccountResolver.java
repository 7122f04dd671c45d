package io.ledgerbridge.settings.control;

import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.settings.entity.OverrideScope;
import io.ledgerbridge.settings.entity.PerDirection;
import java.util.Optional;

/**
 * Which Xero account a source line posts to, by priority: the line's own account › product (SKU)
 * override › contact override › branch override › the default for the direction (sales; purchases
 * or inventory by accounting method). Gives the account and where it came from, or the reason there
 * is none — and, with reference data, the reason Xero would refuse the account found.
 */
public final class AccountResolver {

  /** Where a resolved account came from. */
  public enum Source {
    LINE,
    PRODUCT,
    CONTACT,
    BRANCH,
    DEFAULT
  }

  /** The facts of a line that decide its account. */
  public record LineFacts(
      Direction direction, String lineAccount, String sku, String contactCode, String branch) {

    /** The facts of one line of a stored transaction's content. */
    public static LineFacts of(Direction direction, TransactionContent content, Line line) {
      return new LineFacts(
          direction,
          line.accountCode(),
          line.sku(),
          content.contact() == null ? null : content.contact().code(),
          content.branch());
    }
  }

  /**
   * The outcome: {@code accountCode} and {@code source} when found; {@code reason} when the line
   * cannot be posted (no account, or an account Xero would refuse — then accountCode is set too).
   */
  public record Resolution(String accountCode, Source source, String reason) {
    public boolean ok() {
      return reason == null;
    }

    public Optional<String> account() {
      return ok() ? Optional.of(accountCode) : Optional.empty();
    }
  }

  private final AccountingSettings settings;
  private final ReferenceView reference;

  /**
   * @param reference the downloaded reference data, or null to resolve without checking accounts
   */
  public AccountResolver(AccountingSettings settings, ReferenceView reference) {
    this.settings = settings;
    this.reference = reference;
  }

  public Resolution resolve(LineFacts line) {
    Direction d = line.direction();
    if (present(line.lineAccount())) {
      return checked(line.lineAccount().trim(), Source.LINE, "the line's own account");
    }
    Optional<String> product = override(OverrideScope.PRODUCT, line.sku(), d);
    if (product.isPresent()) {
      return checked(product.get(), Source.PRODUCT, "the override for product " + line.sku());
    }
    Optional<String> contact = override(OverrideScope.CONTACT, line.contactCode(), d);
    if (contact.isPresent()) {
      return checked(
          contact.get(), Source.CONTACT, "the override for contact " + line.contactCode());
    }
    Optional<String> branch = override(OverrideScope.BRANCH, line.branch(), d);
    if (branch.isPresent()) {
      return checked(branch.get(), Source.BRANCH, "the override for branch " + line.branch());
    }
    AccountRole role = settings.lineRole(d);
    return settings
        .account(role)
        .map(code -> checked(code, Source.DEFAULT, "the default " + role.label() + " account"))
        .orElseGet(
            () ->
                new Resolution(
                    null,
                    null,
                    "No account: the default "
                        + role.label()
                        + " account is not set in Settings, and no line, product, contact or"
                        + " branch override applies."));
  }

  /**
   * The COGS or inventory account a cost posts to in a COGS journal: product (SKU) › contact ›
   * branch override (its {@code cogs} / {@code inventory}) › the default, checked as Xero checks
   * journal accounts.
   */
  public Resolution resolveCost(AccountRole role, String sku, String contactCode, String branch) {
    Optional<String> product = costOverride(OverrideScope.PRODUCT, sku, role);
    if (product.isPresent()) {
      return checkedAccount(
          product.get(), Source.PRODUCT, "the override for product " + sku, true, role);
    }
    Optional<String> contact = costOverride(OverrideScope.CONTACT, contactCode, role);
    if (contact.isPresent()) {
      return checkedAccount(
          contact.get(), Source.CONTACT, "the override for contact " + contactCode, true, role);
    }
    Optional<String> fromBranch = costOverride(OverrideScope.BRANCH, branch, role);
    if (fromBranch.isPresent()) {
      return checkedAccount(
          fromBranch.get(), Source.BRANCH, "the override for branch " + branch, true, role);
    }
    return resolveDefault(role);
  }

  /** A default account (COGS, stock adjustment, freight…) checked like a line's. */
  public Resolution resolveDefault(AccountRole role) {
    return settings
        .account(role)
        .map(
            code ->
                checkedAccount(
                    code,
                    Source.DEFAULT,
                    "the default " + role.label() + " account",
                    role.usedInJournals(),
                    role))
        .orElseGet(
            () ->
                new Resolution(
                    null,
                    null,
                    "No account: the " + role.label() + " account is not set in Settings."));
  }

  /** A source line's own account on a manual journal line, checked as Xero checks journals. */
  public Resolution resolveJournalLine(String code) {
    return checkedAccount(code.trim(), Source.LINE, "the line's own account", true, null);
  }

  private Optional<String> override(OverrideScope scope, String key, Direction direction) {
    if (!present(key)) {
      return Optional.empty();
    }
    PerDirection entry = settings.overrides().get(scope).get(key);
    if (entry == null) {
      return Optional.empty();
    }
    String code = entry.get(direction);
    if (code == null && settings.lineRole(direction) == AccountRole.INVENTORY) {
      // Perpetual: a purchase is stocked where the key's stock is held, as its COGS credits.
      code = entry.inventory();
    }
    return Optional.ofNullable(code);
  }

  private Optional<String> costOverride(OverrideScope scope, String key, AccountRole role) {
    if (!present(key)) {
      return Optional.empty();
    }
    PerDirection entry = settings.overrides().get(scope).get(key.trim());
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.cost(role));
  }

  private Resolution checked(String code, Source source, String what) {
    return checkedAccount(code, source, what, false, null);
  }

  /** Checked by the settings' own rule, for the role the account plays (null: a line's). */
  private Resolution checkedAccount(
      String code, Source source, String what, boolean journal, AccountRole role) {
    if (reference == null) {
      return new Resolution(code, source, null);
    }
    return SettingsValidator.accountProblem(reference, code, journal, role)
        .map(problem -> new Resolution(code, source, problem + " (from " + what + ")"))
        .orElseGet(() -> new Resolution(code, source, null));
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
