CREATE TYPE industry AS ENUM ('tech', 'media', 'retail', 'other');

ALTER TABLE companies
    ALTER COLUMN industry_type TYPE industry USING industry_type::industry;
