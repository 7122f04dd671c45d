package io.ledgerbridge.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log: who did what to which thing, and when. Never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 100)
  private String actor;

  @Column(nullable = false, length = 50)
  private String action;

  @Column(length = 255)
  private String subject;

  @Column(length = 4000)
  private String details;

  protected AuditEntry() {}

  public AuditEntry(
      Instant occurredAt, String actor, String action, String subject, String details) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.subject = truncate(subject, 255);
    this.details = truncate(details, 4000);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetails() {
    return details;
  }
}
