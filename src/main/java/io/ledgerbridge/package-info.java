/**
 * LedgerBridge: receives an inventory system's transactions, lets finance staff review them and
 * imports them into Xero as drafts. Business components live in sub-packages; {@code platform}
 * holds what has no business meaning (security, configuration, persistence, audit).
 */
package io.ledgerbridge;
