ALTER TYPE billing.invoice_status ADD VALUE 'paid' AFTER 'sent';
