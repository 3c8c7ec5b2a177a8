-- The chain owns the type: created explicitly, before any table uses it, and never "if missing".
CREATE TYPE draft_status AS ENUM ('streaming', 'partial', 'complete', 'editing', 'exported');
