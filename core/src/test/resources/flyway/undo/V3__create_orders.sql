create table orders (
    id bigint primary key,
    user_id bigint not null references ${owner}_users (id),
    note text default 'it''s; not a separator'
);
create function orders_count() returns bigint language plpgsql as $body$
begin
    return (select count(*) from orders); -- a semicolon inside a dollar quote
end;
$body$;
