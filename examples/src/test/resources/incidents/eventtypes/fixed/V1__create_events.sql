DO $$
BEGIN
    IF to_regtype('eventtype') IS NULL THEN
        CREATE TYPE eventtype AS ENUM ('created', 'updated');
    END IF;
END
$$;
CREATE TABLE IF NOT EXISTS events (
    id bigserial PRIMARY KEY,
    type eventtype NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
