ALTER TABLE content ADD COLUMN IF NOT EXISTS day_number integer;
ALTER TABLE content ADD COLUMN IF NOT EXISTS is_paused boolean DEFAULT false;
CREATE INDEX IF NOT EXISTS idx_content_user_id ON content (user_id);
