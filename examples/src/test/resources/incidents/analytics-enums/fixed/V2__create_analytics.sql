-- The analytics release made safe to run on a database where an earlier attempt created some of
-- its objects without being recorded. PostgreSQL has no CREATE TYPE IF NOT EXISTS, so each type is
-- created only where it is missing; everything else uses IF NOT EXISTS.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'platformtype' AND typnamespace = 'public'::regnamespace) THEN
        CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'metrictype' AND typnamespace = 'public'::regnamespace) THEN
        CREATE TYPE metrictype AS ENUM ('impressions', 'clicks', 'conversions', 'spend');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'analyticsgranularity' AND typnamespace = 'public'::regnamespace) THEN
        CREATE TYPE analyticsgranularity AS ENUM ('hour', 'day', 'week', 'month');
    END IF;
END
$$;

-- A type left by the failed attempt may lack labels added later in development.
ALTER TYPE platformtype ADD VALUE IF NOT EXISTS 'google_ads';

CREATE TABLE IF NOT EXISTS campaign_metrics (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform    platformtype         NOT NULL,
    metric      metrictype           NOT NULL,
    granularity analyticsgranularity NOT NULL,
    bucket      timestamptz          NOT NULL,
    value       numeric              NOT NULL
);
CREATE INDEX IF NOT EXISTS campaign_metrics_bucket ON campaign_metrics (platform, bucket);
