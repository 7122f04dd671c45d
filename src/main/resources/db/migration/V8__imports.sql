-- Preview, import and re-import (issue 6): import runs and their per-document outcomes, and for
-- each source transaction the Xero document it became, with the in-flight claim that makes a send
-- exactly-once across threads, nodes and crashes.

CREATE SEQUENCE import_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE import_run_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE import_run (
  id              BIGINT        NOT NULL PRIMARY KEY,
  run_type        VARCHAR(20)   NOT NULL,
  kind            VARCHAR(20),
  tenant_id       VARCHAR(36)   NOT NULL,
  status          VARCHAR(20)   NOT NULL,
  requested_by    VARCHAR(100)  NOT NULL,
  requested_at    TIMESTAMP     NOT NULL,
  finished_at     TIMESTAMP,
  heartbeat_at    TIMESTAMP     NOT NULL,
  owner_node      VARCHAR(100),
  base_url        VARCHAR(1000),
  description     VARCHAR(1000),
  total_count     INT           NOT NULL,
  done_count      INT           NOT NULL,
  imported_count  INT           NOT NULL,
  updated_count   INT           NOT NULL,
  failed_count    INT           NOT NULL,
  skipped_count   INT           NOT NULL,
  api_calls       INT           NOT NULL,
  message         VARCHAR(2000),
  row_version     BIGINT        NOT NULL
);
CREATE INDEX ix_import_run_status ON import_run (status, heartbeat_at);
CREATE INDEX ix_import_run_requested ON import_run (requested_at);

CREATE TABLE import_item (
  id              BIGINT        NOT NULL PRIMARY KEY,
  run_id          BIGINT        NOT NULL REFERENCES import_run (id),
  seq             INT           NOT NULL,
  transaction_id  BIGINT        NOT NULL REFERENCES source_transaction (id),
  kind            VARCHAR(20)   NOT NULL,
  source_id       VARCHAR(100)  NOT NULL,
  outcome         VARCHAR(20),
  xero_id         VARCHAR(36),
  xero_number     VARCHAR(255),
  xero_status     VARCHAR(20),
  messages        VARCHAR(4000),
  sent_hash       VARCHAR(64),
  source_version  BIGINT,
  finished_at     TIMESTAMP
);
CREATE INDEX ix_import_item_run ON import_item (run_id, seq);
CREATE INDEX ix_import_item_transaction ON import_item (transaction_id, id);

CREATE TABLE xero_document (
  transaction_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES source_transaction (id),
  tenant_id        VARCHAR(36)   NOT NULL,
  xero_type        VARCHAR(20)   NOT NULL,
  xero_id          VARCHAR(36),
  xero_number      VARCHAR(255),
  xero_status      VARCHAR(20),
  contact_id       VARCHAR(36),
  doc_date         DATE,
  doc_total        NUMERIC(19, 4),
  version_no       INT           NOT NULL,
  previous_xero_id VARCHAR(36),
  sent_hash        VARCHAR(64),
  synced_version   BIGINT,
  imported_by      VARCHAR(100),
  imported_at      TIMESTAMP,
  updated_at       TIMESTAMP,
  refreshed_at     TIMESTAMP,
  fixed_by         VARCHAR(100),
  fixed_at         TIMESTAMP,
  last_run_id      BIGINT,
  in_flight_run    BIGINT,
  in_flight_key    VARCHAR(128),
  in_flight_since  TIMESTAMP,
  in_flight_action VARCHAR(10),
  in_flight_hash   VARCHAR(64),
  in_flight_version BIGINT,
  row_version      BIGINT        NOT NULL
);
CREATE INDEX ix_xero_document_status ON xero_document (tenant_id, xero_status);
CREATE INDEX ix_xero_document_flight ON xero_document (in_flight_run);
