CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
CREATE INDEX CONCURRENTLY events_kind ON events (kind);
