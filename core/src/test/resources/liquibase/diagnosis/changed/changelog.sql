--liquibase formatted sql

--changeset app:1
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(320) NOT NULL);

--changeset app:2
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));
