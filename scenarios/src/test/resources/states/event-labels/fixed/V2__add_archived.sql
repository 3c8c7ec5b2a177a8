ALTER TYPE eventtype ADD VALUE IF NOT EXISTS 'archived' BEFORE 'deleted';
