package io.ledgerbridge.settings.entity;

/** Which source date becomes the Xero document date. */
public enum DateSource {
  /** The transaction's (invoice) date. */
  INVOICE_DATE,
  /** The dispatch date, falling back to the invoice date when the source has none. */
  DISPATCH_DATE
}
