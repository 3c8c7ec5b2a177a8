DROP INDEX invoices_due_date;
