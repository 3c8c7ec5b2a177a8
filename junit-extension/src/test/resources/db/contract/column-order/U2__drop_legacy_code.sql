-- PostgreSQL adds the column at the end: its old position between id and name cannot be restored.
ALTER TABLE accounts ADD COLUMN legacy_code text;
