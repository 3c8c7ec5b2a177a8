-- The enum is made inline with the table that uses it, "if missing": whatever draft_status exists wins.
DO $$ BEGIN
    CREATE TYPE draft_status AS ENUM ('streaming', 'partial', 'complete', 'editing', 'exported');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE TABLE drafts (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    status draft_status NOT NULL DEFAULT 'streaming',
    body text
);
