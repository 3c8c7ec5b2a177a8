-- An idempotent baseline: creates what an empty database lacks, and leaves a database whose tables were
-- created outside the chain as it is; V3 repairs what those tables miss.
CREATE TABLE IF NOT EXISTS users (
    id varchar PRIMARY KEY NOT NULL,
    email varchar NOT NULL,
    password text NOT NULL
);
CREATE TABLE IF NOT EXISTS content (
    id serial PRIMARY KEY NOT NULL,
    user_id varchar NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id integer,
    body text NOT NULL
);
