package io.ledgerbridge.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A connection between an app (client) and an organisation, made by a user's consent. */
@Entity
@Table(name = "sandbox_connection")
public class SandboxConnection {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "client_id", nullable = false, length = 100)
  private String clientId;

  @Column(nullable = false, length = 100)
  private String subject;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "auth_event_id", nullable = false, length = 36)
  private String authEventId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SandboxConnection() {}

  public SandboxConnection(
      String clientId, String subject, String tenantId, String authEventId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.clientId = clientId;
    this.subject = subject;
    this.tenantId = tenantId;
    this.authEventId = authEventId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A new consent for an existing connection: Xero keeps the id and moves updatedDateUtc. */
  public void reconnect(String authEventId, Instant now) {
    this.authEventId = authEventId;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getClientId() {
    return clientId;
  }

  public String getSubject() {
    return subject;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getAuthEventId() {
    return authEventId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
