package io.ledgerbridge.imports.entity;

import io.ledgerbridge.intake.entity.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One press of Import (or of Refresh from Xero): who asked, for which organisation, its items and
 * counts. The node working on it beats {@code heartbeatAt}; a RUNNING run whose heartbeat stopped
 * belongs to a node that died, and another node takes it over.
 */
@Entity
@Table(name = "import_run")
public class ImportRun {

  @Id
  @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "run_type", nullable = false, length = 20)
  private RunType type;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Kind kind;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RunStatus status;

  @Column(name = "requested_by", nullable = false, length = 100)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "heartbeat_at", nullable = false)
  private Instant heartbeatAt;

  @Column(name = "owner_node", length = 100)
  private String ownerNode;

  @Column(name = "base_url", length = 1000)
  private String baseUrl;

  @Column(length = 1000)
  private String description;

  @Column(name = "total_count", nullable = false)
  private int total;

  @Column(name = "done_count", nullable = false)
  private int done;

  @Column(name = "imported_count", nullable = false)
  private int imported;

  @Column(name = "updated_count", nullable = false)
  private int updated;

  @Column(name = "failed_count", nullable = false)
  private int failed;

  @Column(name = "skipped_count", nullable = false)
  private int skipped;

  @Column(name = "api_calls", nullable = false)
  private int apiCalls;

  /** Time the run's workers spent inside calls to Xero, answers and rate-limit waits included. */
  @Column(name = "xero_millis", nullable = false)
  private long xeroMillis;

  @Column(name = "own_millis", nullable = false)
  private long ownMillis;

  @Column(length = 2000)
  private String message;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected ImportRun() {}

  public ImportRun(
      RunType type,
      Kind kind,
      String tenantId,
      String requestedBy,
      String baseUrl,
      String description,
      int total,
      String ownerNode,
      Instant now) {
    this.type = type;
    this.kind = kind;
    this.tenantId = tenantId;
    this.requestedBy = requestedBy;
    this.baseUrl = baseUrl;
    this.description = description;
    this.total = total;
    this.ownerNode = ownerNode;
    this.status = total == 0 ? RunStatus.DONE : RunStatus.RUNNING;
    this.requestedAt = now;
    this.heartbeatAt = now;
    this.finishedAt = total == 0 ? now : null;
  }

  public void count(Outcome outcome) {
    done++;
    switch (outcome) {
      case IMPORTED -> imported++;
      case UPDATED -> updated++;
      case FAILED -> failed++;
      case SKIPPED -> skipped++;
    }
  }

  public void addApiCalls(int calls) {
    apiCalls += calls;
  }

  public void addXeroMillis(long millis) {
    xeroMillis += millis;
  }

  /** Time the run's batches spent on LedgerBridge's own work, outside calls to Xero. */
  public void addOwnMillis(long millis) {
    ownMillis += millis;
  }

  public long getOwnMillis() {
    return ownMillis;
  }

  public void beat(String node, Instant now) {
    this.ownerNode = node;
    this.heartbeatAt = now;
  }

  public void finish(String message, Instant now) {
    this.status = RunStatus.DONE;
    this.finishedAt = now;
    if (message != null) {
      this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
    }
  }

  public void note(String message) {
    this.message =
        message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
  }

  public Long getId() {
    return id;
  }

  public RunType getType() {
    return type;
  }

  public Kind getKind() {
    return kind;
  }

  public String getTenantId() {
    return tenantId;
  }

  public RunStatus getStatus() {
    return status;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Instant getHeartbeatAt() {
    return heartbeatAt;
  }

  public String getOwnerNode() {
    return ownerNode;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public String getDescription() {
    return description;
  }

  public int getTotal() {
    return total;
  }

  public int getDone() {
    return done;
  }

  public int getImported() {
    return imported;
  }

  public int getUpdated() {
    return updated;
  }

  public int getFailed() {
    return failed;
  }

  public int getSkipped() {
    return skipped;
  }

  public int getApiCalls() {
    return apiCalls;
  }

  public long getXeroMillis() {
    return xeroMillis;
  }

  public String getMessage() {
    return message;
  }

  /** Percent done, 0–100. */
  public int getPercent() {
    return total == 0 ? 100 : (int) Math.floor(done * 100.0 / total);
  }
}
