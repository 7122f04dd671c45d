package io.ledgerbridge.sandbox.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An authorisation code, access token or refresh token issued by the sandbox's identity server.
 * Only a SHA-256 of the token is stored. Refresh tokens rotate: using one marks it used, and it
 * stays usable for Xero's grace period afterwards.
 */
@Entity
@Table(name = "sandbox_grant")
public class SandboxGrant {

  /** What the token is. */
  public enum Kind {
    CODE,
    ACCESS,
    REFRESH
  }

  @Id
  @SequenceGenerator(
      name = "sandbox_grant_seq",
      sequenceName = "sandbox_grant_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_grant_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Kind kind;

  @Column(name = "client_id", nullable = false, length = 100)
  private String clientId;

  @Column(length = 100)
  private String subject;

  @Column(name = "auth_event_id", length = 36)
  private String authEventId;

  /** The organisations the token may use, comma-separated. */
  @Column(name = "tenant_ids", length = 2000)
  private String tenantIds;

  @Column(length = 2000)
  private String scope;

  @Column(name = "redirect_uri", length = 2000)
  private String redirectUri;

  @Column(name = "code_challenge", length = 200)
  private String codeChallenge;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(nullable = false)
  private boolean revoked;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected SandboxGrant() {}

  public SandboxGrant(
      String tokenHash,
      Kind kind,
      String clientId,
      String subject,
      String authEventId,
      List<String> tenantIds,
      String scope,
      Instant now,
      Duration lifetime) {
    this.tokenHash = tokenHash;
    this.kind = kind;
    this.clientId = clientId;
    this.subject = subject;
    this.authEventId = authEventId;
    this.tenantIds = String.join(",", tenantIds);
    this.scope = scope;
    this.issuedAt = now;
    this.expiresAt = now.plus(lifetime);
  }

  public SandboxGrant forAuthorisationCode(String redirectUri, String codeChallenge) {
    this.redirectUri = redirectUri;
    this.codeChallenge = codeChallenge;
    return this;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * Whether this (code or refresh) token may still be exchanged: never revoked, not expired, and
   * either unused or used less than {@code grace} ago (zero grace for codes).
   */
  public boolean isRedeemable(Instant now, Duration grace) {
    return !revoked && !isExpired(now) && (usedAt == null || now.isBefore(usedAt.plus(grace)));
  }

  public void markUsed(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }

  public void revoke() {
    revoked = true;
  }

  /** Console: the token expires now, as if its lifetime had run out. */
  public void expireNow(Instant now) {
    if (expiresAt.isAfter(now)) {
      expiresAt = now;
    }
  }

  /** Console: a used refresh token's grace period is over, as if it had been used long ago. */
  public void endGrace(Instant now, Duration grace) {
    if (usedAt != null) {
      usedAt = now.minus(grace).minusSeconds(1);
    }
  }

  public List<String> tenantIds() {
    return tenantIds == null || tenantIds.isEmpty()
        ? List.of()
        : Arrays.asList(tenantIds.split(","));
  }

  public Kind getKind() {
    return kind;
  }

  public String getClientId() {
    return clientId;
  }

  public String getSubject() {
    return subject;
  }

  public String getAuthEventId() {
    return authEventId;
  }

  public String getScope() {
    return scope;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public String getCodeChallenge() {
    return codeChallenge;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public boolean isRevoked() {
    return revoked;
  }
}
