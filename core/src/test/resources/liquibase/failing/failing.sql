--liquibase formatted sql

--changeset carol:2-users-again
create table users (id bigint primary key);
