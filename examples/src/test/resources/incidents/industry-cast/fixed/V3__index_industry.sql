CREATE INDEX IF NOT EXISTS companies_industry_type ON companies (industry_type);
