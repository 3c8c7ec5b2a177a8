ALTER TYPE item_status ADD VALUE 'archived';
UPDATE items SET status = 'archived' WHERE status = 'deleted';
