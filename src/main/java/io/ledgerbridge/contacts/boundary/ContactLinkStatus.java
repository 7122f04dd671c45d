package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.entity.ContactLink;
import io.ledgerbridge.contacts.entity.LinkState;
import java.time.Instant;

/**
 * Where a source contact stands, as the import and the transaction pages need it.
 *
 * @param xeroContactId the linked ContactID (also when stale); null when unlinked
 * @param reason why a stale link is stale; null otherwise
 */
public record ContactLinkStatus(
    String sourceCode,
    LinkState state,
    String xeroContactId,
    String xeroName,
    String reason,
    String linkedBy,
    Instant linkedAt) {

  public static ContactLinkStatus unlinked(String code) {
    return new ContactLinkStatus(code, LinkState.UNLINKED, null, null, null, null, null);
  }

  static ContactLinkStatus of(ContactLink link) {
    return new ContactLinkStatus(
        link.getSourceCode(),
        link.getState(),
        link.getXeroContactId(),
        link.getXeroName(),
        link.getStaleReason(),
        link.getLinkedBy(),
        link.getLinkedAt());
  }

  /** Documents for this contact may be sent: linked, and the link is not stale. */
  public boolean importable() {
    return state == LinkState.LINKED;
  }
}
