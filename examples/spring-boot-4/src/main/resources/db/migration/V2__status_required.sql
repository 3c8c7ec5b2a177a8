-- Every ticket has a status the application knows.
update ticket set status = '${default-status}' where status is null;
alter table ticket alter column status set not null;
alter table ticket add constraint ticket_status_known check (status in ('OPEN', 'CLOSED'));
