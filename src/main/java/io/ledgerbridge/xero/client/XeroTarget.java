package io.ledgerbridge.xero.client;

import java.util.Objects;

/**
 * One connected organisation as the client needs it: the Accounting API base URL (Xero's {@code
 * https://api.xero.com/api.xro/2.0}, or the built-in sandbox's), the {@code xero-tenant-id} and
 * where its tokens come from.
 */
public record XeroTarget(String apiBaseUrl, String tenantId, XeroTokenSource tokens) {

  public XeroTarget {
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(tokens, "tokens");
    apiBaseUrl =
        apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
  }
}
