/**
 * The one place that speaks Xero (product.md §10): the connection (OAuth 2.0, custom connections,
 * the encrypted token vault), the reference data downloaded from the organisation, and the Jersey
 * client every other component uses to read and write Xero within its limits.
 */
package io.ledgerbridge.xero;
