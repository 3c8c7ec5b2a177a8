CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, total numeric NOT NULL);
