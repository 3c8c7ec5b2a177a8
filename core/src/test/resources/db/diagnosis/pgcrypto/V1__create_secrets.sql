CREATE TABLE secrets (id bigint PRIMARY KEY, salt bytea NOT NULL DEFAULT gen_random_bytes(16));
