/**
 * Contacts: linking each source contact (by its code) to a Xero contact. Owns the local cache of
 * Xero's contacts, the matching rules (product.md §4), the links with their state (linked, stale)
 * and the matching page's and REST API's actions.
 */
package io.ledgerbridge.contacts;
