alter table tickets add column priority text not null default '${default-priority}';
