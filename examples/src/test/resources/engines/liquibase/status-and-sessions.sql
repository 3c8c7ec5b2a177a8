--liquibase formatted sql

--changeset accounts-team:2 comment:add status
CREATE TYPE account_status AS ENUM ('active', 'suspended');
ALTER TABLE accounts ADD COLUMN status account_status NOT NULL DEFAULT 'active';
--rollback ALTER TABLE accounts DROP COLUMN status;
--rollback DROP TYPE account_status;

--changeset accounts-team:3 comment:create sessions
CREATE TABLE IF NOT EXISTS sessions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE sessions;
