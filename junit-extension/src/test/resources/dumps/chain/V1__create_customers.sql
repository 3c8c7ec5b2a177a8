CREATE SCHEMA billing;
CREATE TYPE billing.invoice_status AS ENUM ('draft', 'sent', 'paid');
CREATE DOMAIN billing.money_cents AS bigint CHECK (VALUE >= 0);
CREATE TABLE billing.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    settings jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
