package io.ledgerbridge.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A source contact code linked to a Xero ContactID in one organisation. Documents for the source
 * contact go to that ContactID while the link is {@link LinkState#LINKED}; a {@link
 * LinkState#STALE} link blocks import until someone relinks it.
 */
@Entity
@Table(name = "contact_link")
public class ContactLink {

  @Id
  @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "source_code", nullable = false)
  private String sourceCode;

  @Column(name = "xero_contact_id", nullable = false, length = 36)
  private String xeroContactId;

  @Column(name = "xero_name")
  private String xeroName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LinkState state;

  @Column(name = "stale_reason", length = 1000)
  private String staleReason;

  @Column(name = "linked_by", nullable = false, length = 100)
  private String linkedBy;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected ContactLink() {}

  public ContactLink(
      String tenantId,
      String sourceCode,
      String xeroContactId,
      String xeroName,
      String actor,
      Instant now) {
    this.tenantId = tenantId;
    this.sourceCode = sourceCode;
    relink(xeroContactId, xeroName, actor, now);
  }

  /** Points the link at a (possibly other) Xero contact; a stale link becomes valid again. */
  public void relink(String contactId, String name, String actor, Instant now) {
    this.xeroContactId = contactId;
    this.xeroName = name == null ? null : name.length() > 255 ? name.substring(0, 255) : name;
    this.state = LinkState.LINKED;
    this.staleReason = null;
    this.linkedBy = actor == null ? "system" : actor;
    this.linkedAt = now;
    this.changedAt = now;
  }

  /** Flags the link; returns false when it already was stale. */
  public boolean markStale(String reason, Instant now) {
    if (state == LinkState.STALE) {
      return false;
    }
    state = LinkState.STALE;
    staleReason =
        reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    changedAt = now;
    return true;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getSourceCode() {
    return sourceCode;
  }

  public String getXeroContactId() {
    return xeroContactId;
  }

  public String getXeroName() {
    return xeroName;
  }

  public LinkState getState() {
    return state;
  }

  public String getStaleReason() {
    return staleReason;
  }

  public String getLinkedBy() {
    return linkedBy;
  }

  public Instant getLinkedAt() {
    return linkedAt;
  }
}
