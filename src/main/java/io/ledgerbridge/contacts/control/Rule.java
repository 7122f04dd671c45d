package io.ledgerbridge.contacts.control;

/**
 * Why a Xero contact is a candidate for a source contact, strongest first (product.md §4). The
 * first four are exact; the rest are suggestions that a person must confirm.
 */
public enum Rule {
  CONTACT_NUMBER(true, 1.00, "Xero contact number equals the source code"),
  ACCOUNT_NUMBER(true, 0.99, "Xero account number equals the source code"),
  EMAIL(true, 0.97, "Same e-mail address"),
  EXACT_NAME(true, 0.95, "Same name (ignoring case, accents, punctuation and company suffix)"),
  /** The contact the linked one was merged into in Xero: the likely relink. */
  MERGED_INTO(false, 0.96, "The linked contact was merged into this one in Xero"),
  SAME_NAME_OTHER_EMAIL(false, 0.85, "Same name, but the e-mail domains differ"),
  SHARED_EMAIL(false, 0.80, "Same e-mail address, but other contacts use it too"),
  SIMILAR_NAME(false, 0.90, "Similar name");

  private final boolean exact;
  private final double weight;
  private final String description;

  Rule(boolean exact, double weight, String description) {
    this.exact = exact;
    this.weight = weight;
    this.description = description;
  }

  public boolean exact() {
    return exact;
  }

  public double weight() {
    return weight;
  }

  public String description() {
    return description;
  }
}
