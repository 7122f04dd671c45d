package io.ledgerbridge.xero.client.wire;

/**
 * Base of Xero's JSON types. Fields are public and named as Xero names them, in lower camel case:
 * {@link XeroJson} maps {@code invoiceID} to {@code InvoiceID}. A field left null is not sent, so
 * an update carries only what it sets (an empty {@code LineItems} would delete every line). Unknown
 * fields in answers are ignored and enum-like fields are strings, so new Xero values never break a
 * read.
 */
public abstract class XeroObject {}
