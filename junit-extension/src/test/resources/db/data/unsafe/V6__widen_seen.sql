ALTER TABLE events ALTER COLUMN seen TYPE bigint;
