-- The first table of the chain.
create table ${owner}_users (id bigint primary key, name text not null);
