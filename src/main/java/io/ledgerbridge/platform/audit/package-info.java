/**
 * The audit log: an append-only record of who changed what, written in the changing transaction,
 * and read back filtered and paged by the audit page and {@code GET /api/v1/audit}.
 */
package io.ledgerbridge.platform.audit;
