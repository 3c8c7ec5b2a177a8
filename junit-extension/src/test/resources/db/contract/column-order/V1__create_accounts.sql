CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, legacy_code text, name text NOT NULL);
