/**
 * Getting transactions into Xero (product.md §1, §6): for now, whether each transaction is ready —
 * the reasons, drawn from the Xero connection, contact links and the accounting settings — and
 * next, preview, draft import and re-import.
 */
package io.ledgerbridge.imports;
