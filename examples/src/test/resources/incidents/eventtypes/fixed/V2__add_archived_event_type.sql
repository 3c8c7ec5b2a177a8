-- IF NOT EXISTS instead of catching the error: nothing fails, so the transaction stays usable.
ALTER TYPE eventtype ADD VALUE IF NOT EXISTS 'archived';
CREATE TABLE IF NOT EXISTS event_archive (id bigint PRIMARY KEY, type eventtype NOT NULL);
