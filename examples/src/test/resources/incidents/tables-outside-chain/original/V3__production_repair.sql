-- The repair that was to fix every database: idempotent, but its indexes are built CONCURRENTLY
-- in the same script as its transactional repairs.
ALTER TABLE users ADD COLUMN IF NOT EXISTS password text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS project_id integer;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_content_user_id ON content (user_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_content_project_id ON content (project_id);
