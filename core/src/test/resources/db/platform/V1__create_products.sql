CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX products_name_trgm ON products USING gin (name gin_trgm_ops);
