-- What the platform provides before the chain: the trigram operator classes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
