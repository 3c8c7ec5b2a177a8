ALTER TABLE content ADD COLUMN IF NOT EXISTS day_number integer;
ALTER TABLE content ADD COLUMN IF NOT EXISTS is_paused boolean DEFAULT false;
