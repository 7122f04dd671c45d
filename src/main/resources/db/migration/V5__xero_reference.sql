-- Reference data downloaded from the connected Xero organisation (issue 4 §2): the organisation's
-- settings, its chart of accounts, tax rates, tracking categories and options, and currencies. Kept
-- per organisation (tenant), replaced as a whole on every refresh, and read by settings validation.

CREATE SEQUENCE xero_reference_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE xero_organisation (
  tenant_id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  name                  VARCHAR(255) NOT NULL,
  legal_name            VARCHAR(255),
  base_currency         VARCHAR(3)   NOT NULL,
  country_code          VARCHAR(3),
  timezone              VARCHAR(100),
  short_code            VARCHAR(20),
  organisation_type     VARCHAR(40),
  period_lock_date      DATE,
  end_of_year_lock_date DATE,
  fetched_at            TIMESTAMP    NOT NULL
);

CREATE TABLE xero_account (
  id              BIGINT       NOT NULL PRIMARY KEY,
  tenant_id       VARCHAR(36)  NOT NULL,
  account_id      VARCHAR(36)  NOT NULL,
  code            VARCHAR(10),
  name            VARCHAR(150) NOT NULL,
  account_type    VARCHAR(30)  NOT NULL,
  account_class   VARCHAR(20),
  status          VARCHAR(20)  NOT NULL,
  tax_type        VARCHAR(50),
  system_account  VARCHAR(50),
  bank_account    BOOLEAN      NOT NULL,
  CONSTRAINT ux_xero_account UNIQUE (tenant_id, account_id)
);
CREATE INDEX ix_xero_account_code ON xero_account (tenant_id, code);

CREATE TABLE xero_tax_rate (
  id                      BIGINT        NOT NULL PRIMARY KEY,
  tenant_id               VARCHAR(36)   NOT NULL,
  tax_type                VARCHAR(50)   NOT NULL,
  name                    VARCHAR(150)  NOT NULL,
  status                  VARCHAR(20)   NOT NULL,
  effective_rate          DECIMAL(9, 4) NOT NULL,
  display_rate            DECIMAL(9, 4),
  can_apply_to_revenue    BOOLEAN       NOT NULL,
  can_apply_to_expenses   BOOLEAN       NOT NULL,
  can_apply_to_assets     BOOLEAN       NOT NULL,
  can_apply_to_liabilities BOOLEAN      NOT NULL,
  can_apply_to_equity     BOOLEAN       NOT NULL,
  CONSTRAINT ux_xero_tax_rate UNIQUE (tenant_id, tax_type)
);

CREATE TABLE xero_tracking_category (
  id           BIGINT       NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)  NOT NULL,
  category_id  VARCHAR(36)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  status       VARCHAR(20)  NOT NULL,
  CONSTRAINT ux_xero_tracking_category UNIQUE (tenant_id, category_id)
);

CREATE TABLE xero_tracking_option (
  id           BIGINT       NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)  NOT NULL,
  category_id  VARCHAR(36)  NOT NULL,
  option_id    VARCHAR(36)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  status       VARCHAR(20)  NOT NULL,
  CONSTRAINT ux_xero_tracking_option UNIQUE (tenant_id, category_id, option_id)
);

CREATE TABLE xero_currency (
  id           BIGINT       NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)  NOT NULL,
  code         VARCHAR(3)   NOT NULL,
  description  VARCHAR(100),
  CONSTRAINT ux_xero_currency UNIQUE (tenant_id, code)
);
