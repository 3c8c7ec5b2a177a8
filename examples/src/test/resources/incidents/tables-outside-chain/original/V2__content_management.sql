ALTER TABLE content ADD COLUMN day_number integer;
ALTER TABLE content ADD COLUMN is_paused boolean DEFAULT false;
