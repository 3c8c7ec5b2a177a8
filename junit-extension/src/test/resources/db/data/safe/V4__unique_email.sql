-- Duplicates first: orders move to the oldest customer of each email, the others go.
UPDATE orders o SET customer_id = k.keep
FROM (SELECT id, min(id) OVER (PARTITION BY email) AS keep FROM customers) k
WHERE o.customer_id = k.id AND k.id <> k.keep;
DELETE FROM customers c USING customers d WHERE c.email = d.email AND c.id > d.id;
CREATE UNIQUE INDEX customers_email_key ON customers (email);
