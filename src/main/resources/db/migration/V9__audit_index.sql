-- The audit log page and GET /api/v1/audit filter by action or by actor and list newest first;
-- ix_audit_occurred (V1) serves the unfiltered list and the date range.
CREATE INDEX ix_audit_action ON audit_entry (action, occurred_at);
CREATE INDEX ix_audit_actor ON audit_entry (actor, occurred_at);
