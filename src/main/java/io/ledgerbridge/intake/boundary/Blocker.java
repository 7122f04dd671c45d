package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.Importability;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What keeps waiting transactions from being imported, in a few categories people act on (link
 * contacts, map tax codes, set accounts, …): each {@link Importability.Reason} code belongs to one.
 * The line codes ({@code TAX_CODE_UNMAPPED}, {@code ACCOUNT_MISSING}) are the imports component's
 * verdicts on a transaction's lines; a code this class does not know counts as {@link #OTHER}, so a
 * new rule is still counted as blocking.
 */
public enum Blocker {
  CONNECTION("Xero connection", "XERO_NOT_CONNECTED"),
  CONTACTS("contacts", "NO_CONTACT", "CONTACT_NOT_LINKED", "CONTACT_LINK_STALE"),
  TAX_CODES("tax codes", "TAX_CODE_UNMAPPED"),
  ACCOUNTS("accounts", "ACCOUNT_MISSING"),
  IMPORT_WINDOW("import window", "OUTSIDE_IMPORT_WINDOW"),
  ACCOUNTING_METHOD("accounting method", "NOT_PERPETUAL"),
  DETAILS("transaction details", "VOIDED", "NO_LINES", "ZERO_TOTAL", "NO_NUMBER"),
  OTHER("other");

  private final String label;
  private final Set<String> codes;

  Blocker(String label, String... codes) {
    this.label = label;
    this.codes = Set.of(codes);
  }

  /** In lower case, to follow "blocked by: ". */
  public String label() {
    return label;
  }

  public String urlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Blocker of(String code) {
    for (Blocker blocker : values()) {
      if (blocker.codes.contains(code)) {
        return blocker;
      }
    }
    return OTHER;
  }

  /** The categories of these reasons; empty when there are none. */
  public static Set<Blocker> of(Collection<Importability.Reason> reasons) {
    Set<Blocker> out = EnumSet.noneOf(Blocker.class);
    for (Importability.Reason reason : reasons) {
      out.add(of(reason.code()));
    }
    return out;
  }

  public static Optional<Blocker> parse(String urlName) {
    for (Blocker blocker : values()) {
      if (blocker.urlName().equals(urlName)) {
        return Optional.of(blocker);
      }
    }
    return Optional.empty();
  }
}
