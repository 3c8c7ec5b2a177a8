CREATE INDEX tickets_title ON tickets (title);
