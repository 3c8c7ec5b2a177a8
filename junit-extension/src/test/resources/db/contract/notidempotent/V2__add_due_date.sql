-- Not safe to run again: fails where the column exists.
ALTER TABLE invoices ADD COLUMN due_date date;
