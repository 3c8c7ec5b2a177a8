CREATE TABLE tickets (id bigint PRIMARY KEY, title text NOT NULL);
