--liquibase formatted sql

--changeset app:1
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
