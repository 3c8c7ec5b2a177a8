create table companies (id serial primary key, name text not null, industry text);
insert into companies (name, industry) values ('Acme', 'fintech'), ('Globex', 'Fintech ');
