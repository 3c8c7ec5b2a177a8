-- Dropping the column drops its index too; say it anyway so that the script reads in full.
drop index if exists users_email;
alter table ${owner}_users drop column email;
