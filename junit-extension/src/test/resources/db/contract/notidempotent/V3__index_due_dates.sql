CREATE INDEX IF NOT EXISTS invoices_due_date ON invoices (due_date);
