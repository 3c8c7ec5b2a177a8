insert into users (id) values (1);
