-- How long an import or refresh run's workers spent inside calls to Xero (waiting for its answers
-- and for its rate limits), so a run's own time can be told from Xero's.

ALTER TABLE import_run ADD COLUMN xero_millis BIGINT DEFAULT 0 NOT NULL;
