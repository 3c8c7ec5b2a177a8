-- The analytics release as it first shipped. Correct on an empty database; it assumes that none of
-- its types exist yet, which stops being true once a deployment has run part of it unrecorded.
CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
CREATE TYPE metrictype AS ENUM ('impressions', 'clicks', 'conversions', 'spend');
CREATE TYPE analyticsgranularity AS ENUM ('hour', 'day', 'week', 'month');

CREATE TABLE campaign_metrics (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform    platformtype         NOT NULL,
    metric      metrictype           NOT NULL,
    granularity analyticsgranularity NOT NULL,
    bucket      timestamptz          NOT NULL,
    value       numeric              NOT NULL
);
CREATE INDEX campaign_metrics_bucket ON campaign_metrics (platform, bucket);
