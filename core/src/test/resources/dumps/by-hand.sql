-- What production got outside the chain: owners, grants, a policy, an index added during an incident.
DO $$ BEGIN CREATE ROLE app_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE app_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
ALTER TABLE billing.customers OWNER TO app_owner;
GRANT USAGE ON SCHEMA billing TO app_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA billing TO app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA billing GRANT SELECT ON TABLES TO app_reader;
ALTER TABLE billing.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customers_reader ON billing.customers FOR SELECT TO app_reader USING (true);
CREATE INDEX customers_created ON billing.customers (created_at);
