insert into users (id) values (2);
