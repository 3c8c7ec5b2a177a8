-- Only CONCURRENTLY statements: Flyway runs this migration outside a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_content_user_id ON content (user_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_content_project_id ON content (project_id);
