alter table ${owner}_users add column email text;
create index users_email on ${owner}_users (email);
