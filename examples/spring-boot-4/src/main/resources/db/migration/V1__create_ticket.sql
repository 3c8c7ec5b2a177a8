create table ticket (
    id bigserial primary key,
    title varchar(200) not null,
    status varchar(16)
);
