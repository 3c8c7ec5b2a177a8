CREATE TYPE plan AS ENUM ('free', 'pro', 'team');
ALTER TABLE customers ALTER COLUMN plan TYPE plan USING plan::plan;
