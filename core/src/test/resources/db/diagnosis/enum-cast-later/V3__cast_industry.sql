ALTER TABLE companies ALTER COLUMN industry_type TYPE industry USING industry_type::industry;
