-- Issue 12: costs per line and what a stock adjustment is about.
ALTER TABLE transaction_line ADD COLUMN cost_amount NUMERIC(24, 6);
ALTER TABLE transaction_line ADD COLUMN restock BOOLEAN;
ALTER TABLE source_transaction ADD COLUMN adjustment_type VARCHAR(20);
ALTER TABLE source_transaction ADD COLUMN adjustment_reason VARCHAR(255);
ALTER TABLE source_transaction ADD COLUMN stock_location VARCHAR(100);
ALTER TABLE source_transaction ADD COLUMN from_location VARCHAR(100);
ALTER TABLE source_transaction ADD COLUMN to_location VARCHAR(100);
