ALTER TYPE eventtype ADD VALUE 'archived';
