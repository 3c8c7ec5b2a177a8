CREATE TYPE eventtype AS ENUM ('created', 'updated');
CREATE TABLE events (id bigint PRIMARY KEY, type eventtype NOT NULL);
