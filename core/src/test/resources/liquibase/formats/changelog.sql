--liquibase formatted sql

--changeset alice:1-create-users
--comment: Users who log in
create table users (id bigint primary key, name text not null);
--rollback drop table users;

--changeset alice:2-add-email
alter table users add column email text;
--rollback alter table users drop column email;

--changeset bob:3-create-orders
create table orders (id bigint primary key, user_id bigint not null references users (id));
--rollback drop table orders;
