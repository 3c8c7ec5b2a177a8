--liquibase formatted sql

--changeset app:3
ALTER TABLE users ADD COLUMN name text;
