package io.ledgerbridge.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The Xero document a source transaction became (one row per transaction), and the in-flight claim
 * of a run sending it. A claim is taken under a row lock before a batch is sent and cleared only
 * when Xero's answer is recorded, so a claim found later by another run means "this may have
 * reached Xero": that run reads Xero before it sends anything.
 */
@Entity
@Table(name = "xero_document")
public class XeroDocument {

  /** Statuses in which LedgerBridge may still change the document. */
  public static final Set<String> EDITABLE = Set.of("DRAFT", "SUBMITTED");

  /**
   * Statuses that mean someone approved it in Xero (a journal: posted): LedgerBridge leaves it
   * alone.
   */
  public static final Set<String> APPROVED = Set.of("AUTHORISED", "PAID", "VOIDED", "POSTED");

  public static final String DELETED = "DELETED";

  /** What an in-flight claim is sending. */
  public enum Action {
    CREATE,
    UPDATE
  }

  @Id
  @Column(name = "transaction_id")
  private Long transactionId;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "xero_type", nullable = false, length = 20)
  private String xeroType;

  @Column(name = "xero_id", length = 36)
  private String xeroId;

  @Column(name = "xero_number")
  private String xeroNumber;

  @Column(name = "xero_status", length = 20)
  private String xeroStatus;

  @Column(name = "contact_id", length = 36)
  private String contactId;

  @Column(name = "doc_date")
  private LocalDate date;

  @Column(name = "doc_total", precision = 19, scale = 4)
  private BigDecimal total;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(name = "previous_xero_id", length = 36)
  private String previousXeroId;

  @Column(name = "sent_hash", length = 64)
  private String sentHash;

  @Column(name = "synced_version")
  private Long syncedVersion;

  @Column(name = "imported_by", length = 100)
  private String importedBy;

  @Column(name = "imported_at")
  private Instant importedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "refreshed_at")
  private Instant refreshedAt;

  @Column(name = "fixed_by", length = 100)
  private String fixedBy;

  @Column(name = "fixed_at")
  private Instant fixedAt;

  @Column(name = "last_run_id")
  private Long lastRunId;

  @Column(name = "in_flight_run")
  private Long inFlightRun;

  @Column(name = "in_flight_key", length = 128)
  private String inFlightKey;

  @Column(name = "in_flight_since")
  private Instant inFlightSince;

  @Column(name = "in_flight_action", length = 10)
  private String inFlightAction;

  @Column(name = "in_flight_hash", length = 64)
  private String inFlightHash;

  @Column(name = "in_flight_version")
  private Long inFlightVersion;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected XeroDocument() {}

  public XeroDocument(Long transactionId, String tenantId, String xeroType) {
    this.transactionId = transactionId;
    this.tenantId = tenantId;
    this.xeroType = xeroType;
    this.versionNo = 1;
  }

  /** A document exists in Xero that LedgerBridge tracks (not deleted there, not replaced). */
  public boolean live() {
    return xeroId != null && !DELETED.equals(xeroStatus);
  }

  public boolean approved() {
    return live() && APPROVED.contains(xeroStatus);
  }

  public boolean editable() {
    return live() && EDITABLE.contains(xeroStatus);
  }

  public boolean inFlight() {
    return inFlightRun != null;
  }

  /**
   * Records that {@code runId} is about to send this document, with what it sends (type, contact,
   * number, date and total: what a later reconciliation looks for in Xero).
   */
  public void claim(
      Long runId,
      String key,
      Action action,
      String xeroType,
      String contactId,
      String number,
      LocalDate date,
      BigDecimal total,
      String hash,
      long sourceVersion,
      Instant now) {
    this.inFlightRun = runId;
    this.inFlightHash = hash;
    this.inFlightVersion = sourceVersion;
    this.inFlightKey = key;
    this.inFlightAction = action.name();
    this.inFlightSince = now;
    this.xeroType = xeroType;
    this.contactId = contactId;
    if (action == Action.CREATE) {
      this.xeroNumber = number;
    }
    this.date = date;
    this.total = total;
  }

  /** A run taking over an earlier run's claim, to reconcile it. */
  public void adoptClaim(Long runId) {
    this.inFlightRun = runId;
  }

  public void release() {
    this.inFlightHash = null;
    this.inFlightVersion = null;
    this.inFlightRun = null;
    this.inFlightKey = null;
    this.inFlightAction = null;
    this.inFlightSince = null;
  }

  /** Xero saved it: its id, number and status, and what was sent. Clears the claim. */
  public void saved(
      String xeroId,
      String number,
      String status,
      String sentHash,
      long sourceVersion,
      String actor,
      Long runId,
      Instant now) {
    boolean created = this.xeroId == null || !xeroId.equals(this.xeroId);
    this.xeroId = xeroId;
    if (number != null && !number.isBlank()) {
      this.xeroNumber = number;
    }
    this.xeroStatus = status;
    this.sentHash = sentHash;
    this.syncedVersion = sourceVersion;
    if (created) {
      this.importedBy = actor;
      this.importedAt = now;
    }
    this.updatedAt = now;
    this.lastRunId = runId;
    this.fixedBy = null;
    this.fixedAt = null;
    release();
  }

  /** What Xero holds differs from what was sent: the next import sends it again. */
  public void notAsSent() {
    this.sentHash = null;
    this.syncedVersion = null;
  }

  /** The status Xero reports now. */
  public void observed(String status, Instant now) {
    this.xeroStatus = status;
    this.refreshedAt = now;
  }

  /**
   * The document was voided in Xero so the change can go as a new version: the next import creates
   * a new document, numbered with the next version suffix.
   */
  public void replacedByNewVersion(Instant now) {
    this.previousXeroId = xeroId;
    this.xeroId = null;
    this.xeroNumber = null;
    this.xeroStatus = null;
    this.sentHash = null;
    this.syncedVersion = null;
    this.versionNo++;
    this.updatedAt = now;
  }

  /** Someone fixed the approved document by hand, for this source version. */
  public void fixedByHand(long sourceVersion, String actor, Instant now) {
    this.syncedVersion = sourceVersion;
    this.fixedBy = actor;
    this.fixedAt = now;
  }

  public Long getTransactionId() {
    return transactionId;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getXeroType() {
    return xeroType;
  }

  public String getXeroId() {
    return xeroId;
  }

  public String getXeroNumber() {
    return xeroNumber;
  }

  public String getXeroStatus() {
    return xeroStatus;
  }

  public String getContactId() {
    return contactId;
  }

  public LocalDate getDate() {
    return date;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getPreviousXeroId() {
    return previousXeroId;
  }

  public String getSentHash() {
    return sentHash;
  }

  public Long getSyncedVersion() {
    return syncedVersion;
  }

  public String getImportedBy() {
    return importedBy;
  }

  public Instant getImportedAt() {
    return importedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getRefreshedAt() {
    return refreshedAt;
  }

  public String getFixedBy() {
    return fixedBy;
  }

  public Instant getFixedAt() {
    return fixedAt;
  }

  public Long getLastRunId() {
    return lastRunId;
  }

  public Long getInFlightRun() {
    return inFlightRun;
  }

  public String getInFlightKey() {
    return inFlightKey;
  }

  public Instant getInFlightSince() {
    return inFlightSince;
  }

  public String getInFlightHash() {
    return inFlightHash;
  }

  public Long getInFlightVersion() {
    return inFlightVersion;
  }

  public Action getInFlightAction() {
    return inFlightAction == null ? null : Action.valueOf(inFlightAction);
  }
}
