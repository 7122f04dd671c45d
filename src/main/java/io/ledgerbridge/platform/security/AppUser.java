package io.ledgerbridge.platform.security;

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

/** A person who signs in to LedgerBridge. Passwords are kept only as slow salted hashes. */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id
  @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
  private Long id;

  @Column(nullable = false, length = 100)
  private String username;

  @Column(name = "display_name", length = 200)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected AppUser() {}

  public AppUser(String username, String displayName, Role role, String passwordHash, Instant now) {
    if (!role.isStaff()) {
      throw new IllegalArgumentException("Users are staff; the integration role uses API tokens");
    }
    this.username = username;
    this.displayName = displayName;
    this.role = role;
    this.passwordHash = passwordHash;
    this.enabled = true;
    this.createdAt = now;
    this.passwordChangedAt = now;
  }

  public void changePassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.passwordChangedAt = now;
  }

  public void changeRole(Role newRole) {
    if (!newRole.isStaff()) {
      throw new IllegalArgumentException("Users are staff; the integration role uses API tokens");
    }
    this.role = newRole;
  }

  public void disable() {
    this.enabled = false;
  }

  public void enable() {
    this.enabled = true;
  }

  public void recordLogin(Instant now) {
    this.lastLoginAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }
}
