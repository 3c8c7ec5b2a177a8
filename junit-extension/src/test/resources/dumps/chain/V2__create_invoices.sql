CREATE TABLE billing.invoices (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES billing.customers (id) ON DELETE CASCADE,
    status billing.invoice_status NOT NULL DEFAULT 'draft',
    amount billing.money_cents NOT NULL,
    tax bigint GENERATED ALWAYS AS (amount / 5) STORED,
    note text,
    CONSTRAINT invoices_note_length CHECK (char_length(note) < 500)
);
CREATE INDEX invoices_open ON billing.invoices (customer_id) WHERE status <> 'paid';
CREATE INDEX invoices_lower_note ON billing.invoices (lower(note));

CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.note := coalesce(NEW.note, '');
    RETURN NEW;
END
$$;
CREATE TRIGGER invoices_touch BEFORE INSERT ON billing.invoices FOR EACH ROW EXECUTE FUNCTION billing.touch();

CREATE VIEW billing.open_invoices AS SELECT id, customer_id, amount FROM billing.invoices WHERE status <> 'paid';
CREATE MATERIALIZED VIEW billing.revenue AS
    SELECT customer_id, sum(amount) AS total FROM billing.invoices GROUP BY customer_id;
COMMENT ON TABLE billing.invoices IS 'One row per invoice; amounts in cents';
