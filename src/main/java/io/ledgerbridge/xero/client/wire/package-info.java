/**
 * Xero's JSON types as the client reads and writes them. They stay inside the xero component: other
 * components map them to their own entities and never store or show them as they are.
 */
package io.ledgerbridge.xero.client.wire;
