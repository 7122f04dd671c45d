-- LedgerBridge foundation: users, API tokens, source transactions and their lines, audit log.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 12+.

CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE source_transaction_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE transaction_line_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE app_user (
  id                  BIGINT       NOT NULL PRIMARY KEY,
  username            VARCHAR(100) NOT NULL,
  display_name        VARCHAR(200),
  password_hash       VARCHAR(255) NOT NULL,
  role                VARCHAR(20)  NOT NULL,
  enabled             BOOLEAN      NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  password_changed_at TIMESTAMP,
  last_login_at       TIMESTAMP,
  row_version         BIGINT       NOT NULL,
  CONSTRAINT ux_app_user_username UNIQUE (username)
);

CREATE TABLE api_token (
  id           BIGINT       NOT NULL PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  token_hash   VARCHAR(64)  NOT NULL,
  token_hint   VARCHAR(16)  NOT NULL,
  enabled      BOOLEAN      NOT NULL,
  created_at   TIMESTAMP    NOT NULL,
  created_by   VARCHAR(100),
  last_used_at TIMESTAMP,
  row_version  BIGINT       NOT NULL,
  CONSTRAINT ux_api_token_hash UNIQUE (token_hash)
);

CREATE TABLE source_transaction (
  id                  BIGINT        NOT NULL PRIMARY KEY,
  kind                VARCHAR(20)   NOT NULL,
  source_id           VARCHAR(100)  NOT NULL,
  source_version      BIGINT        NOT NULL,
  doc_number          VARCHAR(255),
  doc_reference       VARCHAR(255),
  contact_code        VARCHAR(100),
  contact_name        VARCHAR(255),
  contact_email       VARCHAR(255),
  contact_phone       VARCHAR(50),
  contact_tax_number  VARCHAR(50),
  address_line1       VARCHAR(500),
  address_line2       VARCHAR(500),
  address_city        VARCHAR(255),
  address_region      VARCHAR(255),
  address_postal_code VARCHAR(50),
  address_country     VARCHAR(50),
  txn_date            DATE          NOT NULL,
  due_date            DATE,
  dispatch_date       DATE,
  currency            VARCHAR(3)    NOT NULL,
  currency_rate       NUMERIC(24, 10),
  branch              VARCHAR(100),
  channel             VARCHAR(100),
  payment_method      VARCHAR(100),
  prices_include_tax  BOOLEAN       NOT NULL,
  total               NUMERIC(19, 4),
  voided              BOOLEAN       NOT NULL,
  line_count          INTEGER       NOT NULL,
  state               VARCHAR(20)   NOT NULL,
  search_text         VARCHAR(1200) NOT NULL,
  received_at         TIMESTAMP     NOT NULL,
  updated_at          TIMESTAMP     NOT NULL,
  row_version         BIGINT        NOT NULL,
  CONSTRAINT ux_source_transaction UNIQUE (kind, source_id)
);

-- The list pages filter by kind and sort by date by default; these keep page 1,000 of 100,000 fast.
CREATE INDEX ix_txn_kind_date ON source_transaction (kind, txn_date, id);
CREATE INDEX ix_txn_kind_state ON source_transaction (kind, state, txn_date);
CREATE INDEX ix_txn_kind_branch ON source_transaction (kind, branch, txn_date);
CREATE INDEX ix_txn_kind_contact ON source_transaction (kind, contact_code);
CREATE INDEX ix_txn_kind_number ON source_transaction (kind, doc_number);

CREATE TABLE transaction_line (
  id               BIGINT        NOT NULL PRIMARY KEY,
  transaction_id   BIGINT        NOT NULL,
  line_no          INTEGER       NOT NULL,
  sku              VARCHAR(100),
  description      VARCHAR(4000),
  quantity         NUMERIC(19, 4) NOT NULL,
  unit_price       NUMERIC(19, 4),
  discount_percent NUMERIC(7, 4),
  tax_code         VARCHAR(50),
  account_code     VARCHAR(20),
  unit_cost        NUMERIC(19, 4),
  CONSTRAINT fk_line_transaction FOREIGN KEY (transaction_id) REFERENCES source_transaction (id)
    ON DELETE CASCADE
);
CREATE INDEX ix_line_transaction ON transaction_line (transaction_id, line_no);

CREATE TABLE audit_entry (
  id          BIGINT        NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP     NOT NULL,
  actor       VARCHAR(100)  NOT NULL,
  action      VARCHAR(50)   NOT NULL,
  subject     VARCHAR(255),
  details     VARCHAR(4000)
);
CREATE INDEX ix_audit_occurred ON audit_entry (occurred_at);
