-- Legacy values first: everything that is not a label becomes 'free', case and padding aside.
UPDATE customers SET plan = lower(btrim(plan)) WHERE lower(btrim(plan)) IN ('free', 'pro', 'team');
UPDATE customers SET plan = 'free' WHERE plan NOT IN ('free', 'pro', 'team');
CREATE TYPE plan AS ENUM ('free', 'pro', 'team');
ALTER TABLE customers ALTER COLUMN plan TYPE plan USING plan::plan;
