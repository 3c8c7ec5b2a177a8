-- Outside a transaction, a failure leaves what ran so far, and an index build that fails leaves an invalid
-- index: drop whatever is there (IF NOT EXISTS would keep an invalid one) and build again.
DROP INDEX CONCURRENTLY IF EXISTS events_user_id;
CREATE INDEX CONCURRENTLY events_user_id ON events (user_id);
DROP INDEX CONCURRENTLY IF EXISTS events_external_key;
CREATE UNIQUE INDEX CONCURRENTLY events_external_key ON events (external_key);
