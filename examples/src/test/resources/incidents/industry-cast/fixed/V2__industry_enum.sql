-- PostgreSQL has no CREATE TYPE IF NOT EXISTS: check the catalog.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'industry') THEN
        CREATE TYPE industry AS ENUM ('tech', 'media', 'retail', 'other');
    END IF;
END
$$;

-- Cast only a column that is not an enum yet, after mapping the legacy values ('default', 'Fintech ') no label
-- matches.
DO $$
BEGIN
    IF (SELECT udt_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = 'companies' AND column_name = 'industry_type') <> 'industry' THEN
        UPDATE companies
           SET industry_type = CASE
                   WHEN lower(trim(industry_type)) IN ('tech', 'media', 'retail') THEN lower(trim(industry_type))
                   ELSE 'other'
               END
         WHERE industry_type IS NOT NULL;
        ALTER TABLE companies ALTER COLUMN industry_type TYPE industry USING industry_type::industry;
    END IF;
END
$$;
