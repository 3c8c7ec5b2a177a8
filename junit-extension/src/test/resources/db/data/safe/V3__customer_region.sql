-- A constant default: existing rows get it without a rewrite (PostgreSQL 11+).
ALTER TABLE customers ADD COLUMN region text NOT NULL DEFAULT 'unknown';
