create table strict_things (id bigint);
