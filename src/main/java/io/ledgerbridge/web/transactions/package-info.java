/** Backing beans of the transaction list and detail pages under {@code /transactions}. */
package io.ledgerbridge.web.transactions;
