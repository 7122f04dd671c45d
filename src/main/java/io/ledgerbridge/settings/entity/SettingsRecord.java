package io.ledgerbridge.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The stored settings: one row holding the settings document (the JSON of {@link
 * AccountingSettings}, see SettingsJson) and its version. The settings are one aggregate that is
 * always read, validated and replaced whole, so one row gives an atomic replace and one version for
 * optimistic locking, instead of a dozen mapping tables that must change together.
 */
@Entity
@Table(name = "accounting_settings")
public class SettingsRecord {

  public static final int SINGLETON_ID = 1;

  @Id private Integer id;

  @Column(nullable = false, length = 1_000_000)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", length = 100)
  private String updatedBy;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected SettingsRecord() {}

  /** Replaces the document; the version increases when the transaction commits. */
  public void replace(String newDocument, String actor, Instant now) {
    this.document = newDocument;
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  public String getDocument() {
    return document;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public long getVersion() {
    return version;
  }
}
