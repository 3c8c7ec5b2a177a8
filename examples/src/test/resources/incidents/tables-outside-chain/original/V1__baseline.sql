CREATE TABLE users (
    id varchar PRIMARY KEY NOT NULL,
    email varchar NOT NULL,
    password text NOT NULL
);
CREATE TABLE content (
    id serial PRIMARY KEY NOT NULL,
    user_id varchar NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id integer,
    body text NOT NULL
);
