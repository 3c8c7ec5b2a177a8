CREATE TABLE content (id serial PRIMARY KEY, user_id varchar NOT NULL REFERENCES users (id));
