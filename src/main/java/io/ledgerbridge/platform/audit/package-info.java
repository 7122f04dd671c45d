/**
 * The audit log: an append-only record of who changed what, written in the changing transaction.
 */
package io.ledgerbridge.platform.audit;
