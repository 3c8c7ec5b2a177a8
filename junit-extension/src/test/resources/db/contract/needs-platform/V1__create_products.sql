CREATE TABLE IF NOT EXISTS products (id bigint PRIMARY KEY, name text NOT NULL);
-- The trigram operator class comes from pg_trgm, which the platform installs, not this chain.
CREATE INDEX IF NOT EXISTS products_name_trgm ON products USING gin (name gin_trgm_ops);
