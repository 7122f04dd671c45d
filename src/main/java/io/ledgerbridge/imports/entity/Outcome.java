package io.ledgerbridge.imports.entity;

/** What a run did with one transaction. */
public enum Outcome {
  /** A new document was created in Xero. */
  IMPORTED,
  /** The existing Xero document was updated (re-import), or its status read back (refresh). */
  UPDATED,
  /** Xero refused it, or it could not be sent; Xero's or LedgerBridge's messages say why. */
  FAILED,
  /**
   * Nothing was sent: not importable, already imported, approved in Xero, or claimed by another
   * run.
   */
  SKIPPED
}
