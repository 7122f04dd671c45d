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
import java.time.Instant;
import java.util.List;

/**
 * One transaction of a run and what became of it: pending until {@code outcome} is set, then the
 * Xero id, number and status, a hash of what was sent and the source version it carried, or the
 * messages saying why not.
 */
@Entity
@Table(name = "import_item")
public class ImportItem {

  /** Messages are stored joined by this separator. */
  public static final String SEPARATOR = "\n";

  @Id
  @SequenceGenerator(name = "import_seq", sequenceName = "import_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_seq")
  private Long id;

  @Column(name = "run_id", nullable = false)
  private Long runId;

  @Column(nullable = false)
  private int seq;

  @Column(name = "transaction_id", nullable = false)
  private Long transactionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(name = "source_id", nullable = false, length = 100)
  private String sourceId;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Outcome outcome;

  @Column(name = "xero_id", length = 36)
  private String xeroId;

  @Column(name = "xero_number")
  private String xeroNumber;

  @Column(name = "xero_status", length = 20)
  private String xeroStatus;

  @Column(length = 4000)
  private String messages;

  @Column(name = "sent_hash", length = 64)
  private String sentHash;

  @Column(name = "source_version")
  private Long sourceVersion;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected ImportItem() {}

  public ImportItem(Long runId, int seq, Long transactionId, Kind kind, String sourceId) {
    this.runId = runId;
    this.seq = seq;
    this.transactionId = transactionId;
    this.kind = kind;
    this.sourceId = sourceId;
  }

  public void finish(
      Outcome outcome,
      String xeroId,
      String xeroNumber,
      String xeroStatus,
      List<String> messages,
      String sentHash,
      Long sourceVersion,
      Instant now) {
    this.outcome = outcome;
    this.xeroId = xeroId;
    this.xeroNumber = xeroNumber;
    this.xeroStatus = xeroStatus;
    String joined = messages == null ? null : String.join(SEPARATOR, messages);
    this.messages =
        joined == null || joined.isEmpty()
            ? null
            : joined.length() > 4000 ? joined.substring(0, 3997) + "…" : joined;
    this.sentHash = sentHash;
    this.sourceVersion = sourceVersion;
    this.finishedAt = now;
  }

  public boolean pending() {
    return outcome == null;
  }

  public Long getId() {
    return id;
  }

  public Long getRunId() {
    return runId;
  }

  public int getSeq() {
    return seq;
  }

  public Long getTransactionId() {
    return transactionId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getSourceId() {
    return sourceId;
  }

  public Outcome getOutcome() {
    return outcome;
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

  public List<String> getMessageList() {
    return messages == null ? List.of() : List.of(messages.split(SEPARATOR));
  }

  public String getMessages() {
    return messages;
  }

  public String getSentHash() {
    return sentHash;
  }

  public Long getSourceVersion() {
    return sourceVersion;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
