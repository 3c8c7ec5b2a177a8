CREATE TYPE industry AS ENUM ('tech', 'media', 'retail', 'other');

-- Legacy rows hold values no label matches ('default', 'Fintech '): map them before the cast.
UPDATE companies
   SET industry_type = CASE
           WHEN lower(trim(industry_type)) IN ('tech', 'media', 'retail') THEN lower(trim(industry_type))
           ELSE 'other'
       END
 WHERE industry_type IS NOT NULL;

ALTER TABLE companies
    ALTER COLUMN industry_type TYPE industry USING industry_type::industry;
