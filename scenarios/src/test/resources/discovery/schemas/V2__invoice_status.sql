CREATE TYPE billing.invoice_status AS ENUM ('draft', 'sent');
ALTER TABLE billing.invoices ADD COLUMN status billing.invoice_status NOT NULL DEFAULT 'draft';
