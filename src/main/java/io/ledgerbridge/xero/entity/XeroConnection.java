package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * LedgerBridge's one connection to Xero (row id 1): the mode, the URLs and app used at connect
 * time, the chosen organisation, and the tokens — stored only encrypted; this class never sees them
 * in plain text. The refresh lock is a pessimistic lock on this row.
 */
@Entity
@Table(name = "xero_connection")
public class XeroConnection {

  public static final long THE_ID = 1L;

  @Id private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "connection_mode", nullable = false, length = 30)
  private ConnectionMode mode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ConnectionStatus status;

  @Column(name = "client_id", nullable = false, length = 200)
  private String clientId;

  @Column(name = "client_secret_enc", nullable = false, length = 1000)
  private String clientSecretEncrypted;

  @Column(length = 2000)
  private String scopes;

  @Column(name = "token_url", nullable = false, length = 1000)
  private String tokenUrl;

  @Column(name = "revocation_url", nullable = false, length = 1000)
  private String revocationUrl;

  @Column(name = "connections_url", nullable = false, length = 1000)
  private String connectionsUrl;

  @Column(name = "api_url", nullable = false, length = 1000)
  private String apiUrl;

  @Column(name = "tenant_id", length = 64)
  private String tenantId;

  @Column(name = "tenant_name", length = 255)
  private String tenantName;

  @Column(name = "xero_connection_id", length = 64)
  private String xeroConnectionId;

  @Column(name = "access_token_enc", length = 8000)
  private String accessTokenEncrypted;

  @Column(name = "access_expires_at")
  private Instant accessExpiresAt;

  @Column(name = "refresh_token_enc", length = 2000)
  private String refreshTokenEncrypted;

  @Column(name = "refreshed_at")
  private Instant refreshedAt;

  @Column(name = "connected_at", nullable = false)
  private Instant connectedAt;

  @Column(name = "connected_by", length = 100)
  private String connectedBy;

  @Column(name = "needs_reconnect_since")
  private Instant needsReconnectSince;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected XeroConnection() {}

  public XeroConnection(
      ConnectionMode mode,
      String clientId,
      String clientSecretEncrypted,
      String scopes,
      String tokenUrl,
      String revocationUrl,
      String connectionsUrl,
      String apiUrl,
      Instant now,
      String connectedBy) {
    this.id = THE_ID;
    this.mode = mode;
    this.status = ConnectionStatus.AWAITING_ORGANISATION;
    this.clientId = clientId;
    this.clientSecretEncrypted = clientSecretEncrypted;
    this.scopes = scopes;
    this.tokenUrl = tokenUrl;
    this.revocationUrl = revocationUrl;
    this.connectionsUrl = connectionsUrl;
    this.apiUrl = apiUrl;
    this.connectedAt = now;
    this.connectedBy = connectedBy;
  }

  /**
   * A new consent or custom connection replaces this one in place: new app, URLs and (by {@link
   * #storeTokens}) tokens; the organisation must be chosen again, and any "needs reconnect" ends.
   */
  public void reconnect(
      ConnectionMode mode,
      String clientId,
      String clientSecretEncrypted,
      String scopes,
      String tokenUrl,
      String revocationUrl,
      String connectionsUrl,
      String apiUrl,
      Instant now,
      String connectedBy) {
    this.mode = mode;
    this.status = ConnectionStatus.AWAITING_ORGANISATION;
    this.clientId = clientId;
    this.clientSecretEncrypted = clientSecretEncrypted;
    this.scopes = scopes;
    this.tokenUrl = tokenUrl;
    this.revocationUrl = revocationUrl;
    this.connectionsUrl = connectionsUrl;
    this.apiUrl = apiUrl;
    this.connectedAt = now;
    this.connectedBy = connectedBy;
    this.tenantId = null;
    this.tenantName = null;
    this.xeroConnectionId = null;
    this.accessTokenEncrypted = null;
    this.accessExpiresAt = null;
    this.refreshTokenEncrypted = null;
    this.needsReconnectSince = null;
  }

  /** Takes a newly issued token pair (the refresh token may be null: client credentials). */
  public void storeTokens(
      String accessEncrypted, Instant accessExpiresAt, String refreshEncrypted, Instant now) {
    this.accessTokenEncrypted = accessEncrypted;
    this.accessExpiresAt = accessExpiresAt;
    if (refreshEncrypted != null) {
      this.refreshTokenEncrypted = refreshEncrypted;
    }
    this.refreshedAt = now;
  }

  /** The organisation the admin picked; the connection is then usable. */
  public void chooseOrganisation(String tenantId, String tenantName, String xeroConnectionId) {
    if (status == ConnectionStatus.NEEDS_RECONNECT) {
      throw new IllegalStateException("The connection needs reconnecting first.");
    }
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("tenantId");
    }
    this.tenantId = tenantId;
    this.tenantName = tenantName;
    this.xeroConnectionId = xeroConnectionId;
    this.status = ConnectionStatus.CONNECTED;
  }

  /** Xero no longer accepts the refresh token: keep the organisation, drop the dead tokens. */
  public void markNeedsReconnect(Instant now) {
    if (status != ConnectionStatus.NEEDS_RECONNECT) {
      status = ConnectionStatus.NEEDS_RECONNECT;
      needsReconnectSince = now;
    }
    accessTokenEncrypted = null;
    accessExpiresAt = null;
  }

  /** Whether the access token expires within {@code margin} of {@code now} (or is missing). */
  public boolean accessExpiresWithin(Duration margin, Instant now) {
    return accessTokenEncrypted == null
        || accessExpiresAt == null
        || !now.plus(margin).isBefore(accessExpiresAt);
  }

  public boolean isUsable() {
    return status == ConnectionStatus.CONNECTED && tenantId != null;
  }

  public Long getId() {
    return id;
  }

  public ConnectionMode getMode() {
    return mode;
  }

  public ConnectionStatus getStatus() {
    return status;
  }

  public String getClientId() {
    return clientId;
  }

  public String getClientSecretEncrypted() {
    return clientSecretEncrypted;
  }

  public String getScopes() {
    return scopes;
  }

  public String getTokenUrl() {
    return tokenUrl;
  }

  public String getRevocationUrl() {
    return revocationUrl;
  }

  public String getConnectionsUrl() {
    return connectionsUrl;
  }

  public String getApiUrl() {
    return apiUrl;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getTenantName() {
    return tenantName;
  }

  public String getXeroConnectionId() {
    return xeroConnectionId;
  }

  public String getAccessTokenEncrypted() {
    return accessTokenEncrypted;
  }

  public Instant getAccessExpiresAt() {
    return accessExpiresAt;
  }

  public String getRefreshTokenEncrypted() {
    return refreshTokenEncrypted;
  }

  public Instant getRefreshedAt() {
    return refreshedAt;
  }

  public Instant getConnectedAt() {
    return connectedAt;
  }

  public String getConnectedBy() {
    return connectedBy;
  }

  public Instant getNeedsReconnectSince() {
    return needsReconnectSince;
  }

  @Override
  public String toString() {
    return "XeroConnection[mode="
        + mode
        + ", status="
        + status
        + ", tenantId="
        + tenantId
        + ", accessExpiresAt="
        + accessExpiresAt
        + "]";
  }
}
