-- Contact matching (issue 5 §2): a local copy of the organisation's Xero contacts (archived ones
-- included, so links to archived or merged contacts are detected), when it was last read, and the
-- links from source contact codes to Xero ContactIDs.

CREATE SEQUENCE contact_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE xero_contact_cache (
  id              BIGINT       NOT NULL PRIMARY KEY,
  tenant_id       VARCHAR(36)  NOT NULL,
  contact_id      VARCHAR(36)  NOT NULL,
  name            VARCHAR(255),
  contact_number  VARCHAR(50),
  account_number  VARCHAR(50),
  email           VARCHAR(255),
  status          VARCHAR(20)  NOT NULL,
  merged_to       VARCHAR(36),
  updated_utc     TIMESTAMP,
  CONSTRAINT ux_xero_contact_cache UNIQUE (tenant_id, contact_id)
);

CREATE TABLE xero_contact_cache_state (
  tenant_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
  modified_since  TIMESTAMP,
  refreshed_at    TIMESTAMP    NOT NULL
);

CREATE TABLE contact_link (
  id              BIGINT       NOT NULL PRIMARY KEY,
  tenant_id       VARCHAR(36)  NOT NULL,
  source_code     VARCHAR(255) NOT NULL,
  xero_contact_id VARCHAR(36)  NOT NULL,
  xero_name       VARCHAR(255),
  state           VARCHAR(20)  NOT NULL,
  stale_reason    VARCHAR(1000),
  linked_by       VARCHAR(100) NOT NULL,
  linked_at       TIMESTAMP    NOT NULL,
  changed_at      TIMESTAMP    NOT NULL,
  CONSTRAINT ux_contact_link UNIQUE (tenant_id, source_code)
);
CREATE INDEX ix_contact_link_xero ON contact_link (tenant_id, xero_contact_id);
