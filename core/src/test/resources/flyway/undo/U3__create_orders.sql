/* Undo of V3: the function first, it reads the table. */
drop function orders_count();
drop table orders;
