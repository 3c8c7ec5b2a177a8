CREATE TABLE IF NOT EXISTS tickets (id bigint PRIMARY KEY, title text NOT NULL);
