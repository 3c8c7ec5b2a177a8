--liquibase formatted sql

--changeset app:1
CREATE TABLE campaigns (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);

--changeset app:2
CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
CREATE TABLE campaign_metrics (
    id bigserial PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    platform platformtype NOT NULL
);

--changeset app:3
ALTER TABLE campaigns ADD COLUMN budget numeric(12, 2);
