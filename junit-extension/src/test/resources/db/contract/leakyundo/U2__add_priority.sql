-- Forgets the type the migration created.
ALTER TABLE tickets DROP COLUMN priority;
