/**
 * The built-in Xero sandbox (product.md §11): Xero's identity endpoints and Accounting API for the
 * calls LedgerBridge makes, with Xero's paths, JSON, validation messages, limits and idempotency,
 * so LedgerBridge can be evaluated and tested without a Xero account or the internet. It answers
 * only while {@code ledgerbridge.sandbox.enabled} is on; otherwise every sandbox URL is 404.
 */
package io.ledgerbridge.sandbox;
