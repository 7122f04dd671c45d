-- Accounting settings (issue 5 §1): one row with the settings document (JSON, validated by the
-- application against the downloaded Xero reference data) and a version for optimistic locking.

CREATE TABLE accounting_settings (
  id          INTEGER          NOT NULL PRIMARY KEY,
  document    VARCHAR(1000000) NOT NULL,
  updated_at  TIMESTAMP        NOT NULL,
  updated_by  VARCHAR(100),
  row_version BIGINT           NOT NULL
);

INSERT INTO accounting_settings (id, document, updated_at, updated_by, row_version)
VALUES (1, '{}', CURRENT_TIMESTAMP, 'system', 1);
