package io.ledgerbridge.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * An API token for the inventory system (role {@code integration}). Only its SHA-256 is stored; the
 * token itself is shown once, when created.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  /** The first characters of the token, so an admin can tell tokens apart. */
  @Column(name = "token_hint", nullable = false, length = 16)
  private String tokenHint;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 100)
  private String createdBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected ApiToken() {}

  public ApiToken(String name, String token, String createdBy, Instant now) {
    this.name = name;
    this.tokenHash = PasswordHasher.tokenHash(token);
    this.tokenHint = token.substring(0, Math.min(8, token.length())) + "…";
    this.enabled = true;
    this.createdAt = now;
    this.createdBy = createdBy;
  }

  public void disable() {
    this.enabled = false;
  }

  public void enable() {
    this.enabled = true;
  }

  /**
   * The latest use that still counts as recent: a token last used after this is not written again,
   * so busy integrations do not write on every call.
   */
  public static Instant lastUseWorthKeeping(Instant now) {
    return now.minus(LAST_USED_RESOLUTION);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getTokenHint() {
    return tokenHint;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
