--liquibase formatted sql

--changeset app:1
CREATE TABLE IF NOT EXISTS campaigns (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);

--changeset app:2 splitStatements:false
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'platformtype') THEN
        CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
    END IF;
END
$$;
CREATE TABLE IF NOT EXISTS campaign_metrics (
    id bigserial PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    platform platformtype NOT NULL
);

--changeset app:3
--validCheckSum: ANY
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS budget numeric(12, 2);
