CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high');
ALTER TABLE tickets ADD COLUMN priority ticket_priority NOT NULL DEFAULT 'normal';
