package io.ledgerbridge.settings.entity;

/** How stock is accounted for (product.md §7). */
public enum AccountingMethod {
  /** Bills debit the inventory asset account; COGS and stock adjustments become journals. */
  PERPETUAL,
  /** Bills debit the purchases account; no COGS or adjustment journals. */
  PERIODIC
}
