-- Issue 12 §2: the lines of a COGS journal LedgerBridge makes carry the stock location their value
-- belongs to (for tracking); nothing the inventory system sends sets it.
ALTER TABLE transaction_line ADD COLUMN line_location VARCHAR(100);
