CREATE TYPE eventtype AS ENUM ('created', 'updated');
CREATE TABLE events (
    id bigserial PRIMARY KEY,
    type eventtype NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
