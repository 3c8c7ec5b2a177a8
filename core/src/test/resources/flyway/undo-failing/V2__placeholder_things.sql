create table placeholder_things (id bigint);
