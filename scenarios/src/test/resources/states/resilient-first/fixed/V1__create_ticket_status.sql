-- PostgreSQL has no CREATE TYPE IF NOT EXISTS: the usual resilient form catches the duplicate.
DO $$
BEGIN
    CREATE TYPE ticket_status AS ENUM ('open', 'closed');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
CREATE TABLE IF NOT EXISTS tickets (id bigserial PRIMARY KEY, status ticket_status NOT NULL DEFAULT 'open');
