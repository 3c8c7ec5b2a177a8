CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');

CREATE TABLE campaign_metrics (
    id bigserial PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    platform platformtype NOT NULL,
    clicks integer NOT NULL DEFAULT 0
);
