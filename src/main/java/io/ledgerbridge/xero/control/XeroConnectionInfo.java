package io.ledgerbridge.xero.control;

/** One entry of Xero's {@code GET /connections}: an organisation the token may use. */
public record XeroConnectionInfo(
    String connectionId, String tenantId, String tenantName, String tenantType) {}
