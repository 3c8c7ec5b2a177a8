-- The undo runs in a transaction, where DROP INDEX CONCURRENTLY is refused (25001).
DROP INDEX CONCURRENTLY events_kind_idx;
