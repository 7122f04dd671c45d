-- How long an import run spent on its own work (everything but waiting for Xero's answers and
-- limits), summed over its parallel batches: LedgerBridge's local time per document.

ALTER TABLE import_run ADD COLUMN own_millis BIGINT DEFAULT 0 NOT NULL;
