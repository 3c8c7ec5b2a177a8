ALTER TABLE accounts DROP COLUMN IF EXISTS legacy_code;
