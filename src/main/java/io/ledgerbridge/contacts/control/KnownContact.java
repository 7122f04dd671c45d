package io.ledgerbridge.contacts.control;

/**
 * A Xero contact as matching sees it (from the local cache).
 *
 * @param status Xero's ContactStatus: ACTIVE, ARCHIVED or GDPRREQUEST
 * @param mergedToContactId the contact it was merged into, when Xero says so
 */
public record KnownContact(
    String contactId,
    String name,
    String contactNumber,
    String accountNumber,
    String email,
    String status,
    String mergedToContactId) {

  /** Only active contacts can take documents, so only they can be linked. */
  public boolean active() {
    return "ACTIVE".equalsIgnoreCase(status);
  }

  public boolean merged() {
    return mergedToContactId != null && !mergedToContactId.isBlank();
  }
}
