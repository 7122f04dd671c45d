/**
 * Intake: the transactions the inventory system sends (REST API, CSV upload), their validation and
 * version rules, and the queries behind the review pages; also the stock valuations it sends for
 * month ends. A transaction's versions replace each other here; what happened to it in Xero belongs
 * to the import components.
 */
package io.ledgerbridge.intake;
