-- The built-in Xero sandbox's state (product.md §11): organisations and their documents as Xero-shaped
-- JSON, OAuth grants, connections and idempotency records. Only used while the sandbox is on.

CREATE SEQUENCE sandbox_document_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE sandbox_grant_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE sandbox_idempotency_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sandbox_document (
  id          BIGINT          NOT NULL PRIMARY KEY,
  org_id      VARCHAR(36)     NOT NULL,
  collection  VARCHAR(40)     NOT NULL,
  doc_id      VARCHAR(36)     NOT NULL,
  doc_key     VARCHAR(255),
  status      VARCHAR(30),
  updated_at  TIMESTAMP       NOT NULL,
  body        VARCHAR(1000000) NOT NULL,
  row_version BIGINT          NOT NULL,
  CONSTRAINT ux_sandbox_document UNIQUE (org_id, collection, doc_id)
);
CREATE INDEX ix_sandbox_document_key ON sandbox_document (org_id, collection, doc_key);

CREATE TABLE sandbox_grant (
  id             BIGINT        NOT NULL PRIMARY KEY,
  token_hash     VARCHAR(64)   NOT NULL,
  kind           VARCHAR(10)   NOT NULL,
  client_id      VARCHAR(100)  NOT NULL,
  subject        VARCHAR(100),
  auth_event_id  VARCHAR(36),
  tenant_ids     VARCHAR(2000),
  scope          VARCHAR(2000),
  redirect_uri   VARCHAR(2000),
  code_challenge VARCHAR(200),
  issued_at      TIMESTAMP     NOT NULL,
  expires_at     TIMESTAMP     NOT NULL,
  used_at        TIMESTAMP,
  revoked        BOOLEAN       NOT NULL,
  row_version    BIGINT        NOT NULL,
  CONSTRAINT ux_sandbox_grant_hash UNIQUE (token_hash)
);

CREATE TABLE sandbox_connection (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  client_id     VARCHAR(100) NOT NULL,
  subject       VARCHAR(100) NOT NULL,
  tenant_id     VARCHAR(36)  NOT NULL,
  auth_event_id VARCHAR(36)  NOT NULL,
  created_at    TIMESTAMP    NOT NULL,
  updated_at    TIMESTAMP    NOT NULL,
  CONSTRAINT ux_sandbox_connection UNIQUE (client_id, subject, tenant_id)
);

CREATE TABLE sandbox_idempotency (
  id           BIGINT          NOT NULL PRIMARY KEY,
  client_id    VARCHAR(100)    NOT NULL,
  idem_key     VARCHAR(128)    NOT NULL,
  request_hash VARCHAR(64)     NOT NULL,
  status       INTEGER         NOT NULL,
  body         VARCHAR(1000000) NOT NULL,
  expires_at   TIMESTAMP       NOT NULL,
  CONSTRAINT ux_sandbox_idempotency UNIQUE (client_id, idem_key)
);
