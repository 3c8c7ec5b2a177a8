-- Alone in its migration, so that Flyway runs it outside a transaction, as CONCURRENTLY requires.
CREATE UNIQUE INDEX CONCURRENTLY events_external_key ON events (external_key);
