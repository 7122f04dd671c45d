/**
 * The Xero client: the only code that speaks HTTP to Xero's Accounting API. It owns batching,
 * idempotency keys, retries, the per-organisation rate governor and the API usage record; tokens
 * come through {@link io.ledgerbridge.xero.client.XeroTokenSource} from the connection's vault.
 */
package io.ledgerbridge.xero.client;
