--liquibase formatted sql

--changeset alice:1-create-users
create table users (id bigint primary key);
--rollback drop table users;

--changeset bob:2-seed-users
insert into users (id) values (1);
