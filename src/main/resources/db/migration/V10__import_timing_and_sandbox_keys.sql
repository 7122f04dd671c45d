-- How long an import or refresh run's workers spent inside calls to Xero (waiting for its answers
-- and for its rate limits), so a run's own time can be told from Xero's.

ALTER TABLE import_run ADD COLUMN xero_millis BIGINT DEFAULT 0 NOT NULL;

-- The sandbox finds a sales document's number among the others ignoring case (Xero's uniqueness
-- rule) by index rather than by reading every invoice: the key trimmed and in upper case.
ALTER TABLE sandbox_document ADD COLUMN key_folded VARCHAR(255);
UPDATE sandbox_document SET key_folded = UPPER(TRIM(doc_key));
CREATE INDEX ix_sandbox_document_folded ON sandbox_document (org_id, collection, key_folded);
