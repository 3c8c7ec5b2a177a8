--liquibase formatted sql

--changeset app:1 splitStatements:false
DO $$
BEGIN
    CREATE TYPE ticket_status AS ENUM ('open', 'closed');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
CREATE TABLE IF NOT EXISTS tickets (id bigserial PRIMARY KEY, status ticket_status NOT NULL DEFAULT 'open');
