-- Only CONCURRENTLY statements: Flyway runs the migration outside a transaction.
CREATE INDEX CONCURRENTLY events_user_id ON events (user_id);
CREATE UNIQUE INDEX CONCURRENTLY events_external_key ON events (external_key);
