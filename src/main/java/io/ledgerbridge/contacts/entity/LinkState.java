package io.ledgerbridge.contacts.entity;

/**
 * Where a source contact stands: not linked, linked, or linked to a contact Xero no longer uses.
 */
public enum LinkState {
  UNLINKED("Not linked"),
  LINKED("Linked"),
  /** The Xero contact was archived or merged, or Xero refused a document for it: relink. */
  STALE("Link stale");

  private final String label;

  LinkState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
