package io.ledgerbridge.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored first response to a PUT/POST with an Idempotency-Key, replayed within the window. */
@Entity
@Table(name = "sandbox_idempotency")
public class SandboxIdempotency {

  @Id
  @SequenceGenerator(
      name = "sandbox_idempotency_seq",
      sequenceName = "sandbox_idempotency_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_idempotency_seq")
  private Long id;

  @Column(name = "client_id", nullable = false, length = 100)
  private String clientId;

  @Column(name = "idem_key", nullable = false, length = 128)
  private String key;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(nullable = false)
  private int status;

  @Column(nullable = false, length = 1_000_000)
  private String body;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected SandboxIdempotency() {}

  public SandboxIdempotency(
      String clientId, String key, String requestHash, int status, String body, Instant expiresAt) {
    this.clientId = clientId;
    this.key = key;
    this.requestHash = requestHash;
    this.status = status;
    this.body = body;
    this.expiresAt = expiresAt;
  }

  public void replaceWith(String requestHash, int status, String body, Instant expiresAt) {
    this.requestHash = requestHash;
    this.status = status;
    this.body = body;
    this.expiresAt = expiresAt;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public int getStatus() {
    return status;
  }

  public String getBody() {
    return body;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
