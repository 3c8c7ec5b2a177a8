-- What the platform gives every database before the chain runs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
