package io.ledgerbridge.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * One object of a sandbox organisation (the organisation itself, an account, a contact, an
 * invoice…) stored as the JSON Xero would return for it. {@code key} is what the object is looked
 * up by besides its id (an account code, an invoice number), {@code keyFolded} the same trimmed and
 * in upper case (numbers are unique ignoring case), {@code status} its Xero status.
 */
@Entity
@Table(name = "sandbox_document")
public class SandboxDocument {

  @Id
  @SequenceGenerator(
      name = "sandbox_document_seq",
      sequenceName = "sandbox_document_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_document_seq")
  private Long id;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Column(nullable = false, length = 40)
  private String collection;

  @Column(name = "doc_id", nullable = false, length = 36)
  private String docId;

  @Column(name = "doc_key")
  private String key;

  @Column(name = "key_folded")
  private String keyFolded;

  @Column(length = 30)
  private String status;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(nullable = false, length = 1_000_000)
  private String body;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected SandboxDocument() {}

  public SandboxDocument(String orgId, String collection, String docId) {
    this.orgId = orgId;
    this.collection = collection;
    this.docId = docId;
  }

  public void write(String key, String status, String body, Instant now) {
    this.key = key;
    this.keyFolded = fold(key);
    this.status = status;
    this.body = body;
    this.updatedAt = now;
  }

  /** A key as {@code keyFolded} holds it: trimmed, in upper case. */
  public static String fold(String key) {
    return key == null ? null : key.trim().toUpperCase(Locale.ROOT);
  }

  public String getOrgId() {
    return orgId;
  }

  public String getCollection() {
    return collection;
  }

  public String getDocId() {
    return docId;
  }

  public String getKey() {
    return key;
  }

  public String getStatus() {
    return status;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getBody() {
    return body;
  }
}
