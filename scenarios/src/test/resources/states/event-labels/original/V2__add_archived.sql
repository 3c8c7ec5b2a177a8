ALTER TYPE eventtype ADD VALUE 'archived' BEFORE 'deleted';
