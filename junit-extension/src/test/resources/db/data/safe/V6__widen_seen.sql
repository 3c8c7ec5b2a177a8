-- A new column instead of a rewrite; the application backfills it in batches and switches over.
ALTER TABLE events ADD COLUMN seen_total bigint;
