-- Transactional repairs only: the columns production's hand-made tables lack.
ALTER TABLE users ADD COLUMN IF NOT EXISTS password text;
UPDATE users SET password = 'reset-required' WHERE password IS NULL;
ALTER TABLE users ALTER COLUMN password SET NOT NULL;
ALTER TABLE content ADD COLUMN IF NOT EXISTS project_id integer;
