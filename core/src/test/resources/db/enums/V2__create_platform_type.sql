-- The analytics migration as first written: assumes the enum does not exist yet.
CREATE TABLE campaigns (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
ALTER TABLE campaigns ADD COLUMN platform platformtype;
