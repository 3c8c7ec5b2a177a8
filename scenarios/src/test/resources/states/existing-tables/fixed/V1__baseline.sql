CREATE TABLE IF NOT EXISTS users (
    id varchar PRIMARY KEY NOT NULL,
    email varchar NOT NULL,
    password text NOT NULL
);
-- A users table created before this chain may lack the password column.
ALTER TABLE users ADD COLUMN IF NOT EXISTS password text NOT NULL DEFAULT 'temp_password_needs_reset';
ALTER TABLE users ALTER COLUMN password DROP DEFAULT;

CREATE TABLE IF NOT EXISTS content (
    id serial PRIMARY KEY NOT NULL,
    user_id varchar NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id integer
);
ALTER TABLE content ADD COLUMN IF NOT EXISTS project_id integer;
