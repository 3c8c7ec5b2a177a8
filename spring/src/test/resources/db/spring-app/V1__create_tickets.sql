create table tickets (
    id bigserial primary key,
    title text not null
);
