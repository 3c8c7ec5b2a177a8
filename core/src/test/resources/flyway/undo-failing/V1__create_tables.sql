create table kept (id bigint);
create table also_kept (id bigint);
