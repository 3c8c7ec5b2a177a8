CREATE OR REPLACE FUNCTION customer_open_total(customer bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(total), 0) FROM orders WHERE customer_id = customer AND status = 'open'
$$;
