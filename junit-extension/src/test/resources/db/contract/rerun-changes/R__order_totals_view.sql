-- Generated ${flyway:timestamp}: the stamp changes the checksum, so Flyway re-applies this on every run.
CREATE OR REPLACE VIEW order_totals AS SELECT count(*) AS orders, sum(total) AS total FROM orders;
