ALTER TABLE ${table_name} ADD COLUMN note text;
SELECT 1 / 0;
