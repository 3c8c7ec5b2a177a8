-- New rows are checked at once; old rows are fixed, then validated in the next migration.
UPDATE orders SET amount = 1 WHERE amount <= 0;
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
