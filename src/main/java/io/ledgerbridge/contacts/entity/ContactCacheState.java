package io.ledgerbridge.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * When an organisation's contacts were last read, and from which modification time the next read
 * asks Xero (If-Modified-Since), so a refresh fetches only what changed.
 */
@Entity
@Table(name = "xero_contact_cache_state")
public class ContactCacheState {

  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Column(name = "modified_since")
  private Instant modifiedSince;

  @Column(name = "refreshed_at", nullable = false)
  private Instant refreshedAt;

  protected ContactCacheState() {}

  public ContactCacheState(String tenantId) {
    this.tenantId = tenantId;
  }

  /** Records a completed read; {@code newest} is the latest UpdatedDateUTC seen (may be null). */
  public void refreshed(Instant at, Instant newest) {
    refreshedAt = at;
    if (newest != null && (modifiedSince == null || newest.isAfter(modifiedSince))) {
      modifiedSince = newest;
    }
  }

  public boolean olderThan(Duration age, Instant now) {
    return refreshedAt == null || refreshedAt.plus(age).isBefore(now);
  }

  public Instant getModifiedSince() {
    return modifiedSince;
  }

  public Instant getRefreshedAt() {
    return refreshedAt;
  }
}
