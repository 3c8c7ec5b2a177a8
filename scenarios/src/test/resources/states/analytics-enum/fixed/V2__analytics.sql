-- PostgreSQL has no CREATE TYPE IF NOT EXISTS: check the catalog.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'platformtype') THEN
        CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
    END IF;
END
$$;
-- An enum created elsewhere may lack labels this chain needs.
ALTER TYPE platformtype ADD VALUE IF NOT EXISTS 'meta_ads';
ALTER TYPE platformtype ADD VALUE IF NOT EXISTS 'tiktok_ads';
ALTER TYPE platformtype ADD VALUE IF NOT EXISTS 'google_ads';

CREATE TABLE IF NOT EXISTS campaign_metrics (
    id bigserial PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    platform platformtype NOT NULL,
    clicks integer NOT NULL DEFAULT 0
);
