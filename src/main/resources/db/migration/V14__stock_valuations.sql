-- Stock valuations (inventory-accounting.md §4.4): the inventory system's value of the stock on hand
-- at the end of a day, per source id with the version rule of transactions. The periodic closing-stock
-- journal reads them (§3.3). The optional per-SKU "lines" are not stored yet.

CREATE SEQUENCE stock_valuation_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE stock_valuation (
  id                  BIGINT         NOT NULL PRIMARY KEY,
  source_id           VARCHAR(100)   NOT NULL,
  source_version      BIGINT         NOT NULL,
  as_at               DATE           NOT NULL,
  currency            VARCHAR(3),
  method              VARCHAR(50),
  total               NUMERIC(19, 6) NOT NULL,
  in_transit          NUMERIC(19, 6),
  received_not_billed NUMERIC(19, 6),
  billed_not_received NUMERIC(19, 6),
  received_at         TIMESTAMP      NOT NULL,
  received_by         VARCHAR(100)   NOT NULL,
  row_version         BIGINT         NOT NULL,
  CONSTRAINT ux_stock_valuation_source UNIQUE (source_id)
);
CREATE INDEX ix_stock_valuation_as_at ON stock_valuation (as_at, received_at);

-- The value column is not called "value": that is a keyword in H2.
CREATE TABLE stock_valuation_location (
  valuation_id   BIGINT         NOT NULL,
  location       VARCHAR(100)   NOT NULL,
  location_value NUMERIC(19, 6) NOT NULL,
  CONSTRAINT pk_stock_valuation_location PRIMARY KEY (valuation_id, location),
  CONSTRAINT fk_stock_valuation_location FOREIGN KEY (valuation_id) REFERENCES stock_valuation (id)
    ON DELETE CASCADE
);
