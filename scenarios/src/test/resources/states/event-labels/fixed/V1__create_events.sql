CREATE TYPE eventtype AS ENUM ('created', 'updated', 'deleted');

CREATE TABLE audit_events (
    id bigserial PRIMARY KEY,
    type eventtype NOT NULL
);
