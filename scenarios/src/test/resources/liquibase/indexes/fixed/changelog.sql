--liquibase formatted sql

--changeset app:1
CREATE TABLE IF NOT EXISTS events (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL,
    external_key text NOT NULL
);

--changeset app:2 runInTransaction:false
DROP INDEX CONCURRENTLY IF EXISTS events_user_id;
CREATE INDEX CONCURRENTLY events_user_id ON events (user_id);
DROP INDEX CONCURRENTLY IF EXISTS events_external_key;
CREATE UNIQUE INDEX CONCURRENTLY events_external_key ON events (external_key);
