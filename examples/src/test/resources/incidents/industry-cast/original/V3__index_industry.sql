CREATE INDEX companies_industry_type ON companies (industry_type);
