/**
 * Backing beans of the stock pages under {@code /stock}: the monthly COGS journals, what Xero holds
 * of them, the journal a run would send, and the import of a range of months.
 */
package io.ledgerbridge.web.stock;
