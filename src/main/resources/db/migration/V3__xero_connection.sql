-- The Xero connection: at most one row (id 1). Tokens and the client secret are stored encrypted
-- (AES-GCM, key outside the database). The URLs used at connect time are kept so that background
-- work talks to the same Xero (or the built-in sandbox) later. Portable SQL: H2 2.x and PostgreSQL.

CREATE TABLE xero_connection (
  id                    BIGINT        NOT NULL PRIMARY KEY,
  connection_mode       VARCHAR(30)   NOT NULL,
  status                VARCHAR(30)   NOT NULL,
  client_id             VARCHAR(200)  NOT NULL,
  client_secret_enc     VARCHAR(1000) NOT NULL,
  scopes                VARCHAR(2000),
  token_url             VARCHAR(1000) NOT NULL,
  revocation_url        VARCHAR(1000) NOT NULL,
  connections_url       VARCHAR(1000) NOT NULL,
  api_url               VARCHAR(1000) NOT NULL,
  tenant_id             VARCHAR(64),
  tenant_name           VARCHAR(255),
  xero_connection_id    VARCHAR(64),
  access_token_enc      VARCHAR(8000),
  access_expires_at     TIMESTAMP,
  refresh_token_enc     VARCHAR(2000),
  refreshed_at          TIMESTAMP,
  connected_at          TIMESTAMP     NOT NULL,
  connected_by          VARCHAR(100),
  needs_reconnect_since TIMESTAMP,
  row_version           BIGINT        NOT NULL
);
