package io.ledgerbridge.intake.entity;

/** Where a source transaction stands with respect to Xero (product.md §3). */
public enum ImportState {
  NOT_IMPORTED("Not imported"),
  CHANGED("Changed since import"),
  IMPORTED("Draft in Xero"),
  APPROVED_IN_XERO("Approved in Xero"),
  DO_NOT_IMPORT("Do not import"),
  FAILED("Failed"),
  CONSOLIDATED("Consolidated");

  private final String label;

  ImportState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A document exists in Xero for an earlier version of this transaction. */
  public boolean isInXero() {
    return this == IMPORTED || this == CHANGED || this == APPROVED_IN_XERO || this == CONSOLIDATED;
  }
}
