CREATE INDEX IF NOT EXISTS tickets_title ON tickets (title);
