package io.ledgerbridge.xero.control;

/**
 * One entry of Xero's {@code GET /connections}: a tenant the token may use.
 *
 * @param authEventId the consent that connected it (null when Xero did not say)
 * @param tenantName may be null (Xero sends none for some tenant types); see {@link #displayName()}
 */
public record XeroConnectionInfo(
    String connectionId,
    String tenantId,
    String tenantName,
    String tenantType,
    String authEventId) {

  public static final String ORGANISATION = "ORGANISATION";

  public XeroConnectionInfo(
      String connectionId, String tenantId, String tenantName, String tenantType) {
    this(connectionId, tenantId, tenantName, tenantType, null);
  }

  /** An accounting organisation, the only kind LedgerBridge can write to. */
  public boolean isOrganisation() {
    return ORGANISATION.equalsIgnoreCase(tenantType) && tenantId != null && !tenantId.isBlank();
  }

  /** The name to show: never null. */
  public String displayName() {
    return tenantName == null || tenantName.isBlank()
        ? "Unnamed organisation (" + tenantId + ")"
        : tenantName;
  }
}
