CREATE TABLE users (id varchar PRIMARY KEY, email varchar NOT NULL);
