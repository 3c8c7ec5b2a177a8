CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE DOMAIN positive_amount AS numeric(10, 2) CHECK (VALUE > 0);
CREATE DOMAIN country_code AS char(2) CHECK (VALUE ~ '^[A-Z]{2}$');

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(320) NOT NULL UNIQUE CHECK (email LIKE '%@%'),
    name text NOT NULL,
    vip boolean NOT NULL,
    signed_up date NOT NULL,
    last_seen timestamptz NOT NULL,
    external_id uuid NOT NULL,
    preferences jsonb NOT NULL,
    tags text[] NOT NULL,
    nickname text
);

CREATE TABLE addresses (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    zip varchar(5) NOT NULL CHECK (length(zip) = 5)
);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    shipping_address_id integer NOT NULL REFERENCES addresses (id),
    status order_status NOT NULL,
    total positive_amount NOT NULL,
    quantity smallint NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high')),
    created_at timestamp NOT NULL DEFAULT now(),
    total_with_tax numeric GENERATED ALWAYS AS (total * 1.2) STORED
);

CREATE TABLE order_lines (
    order_id bigint NOT NULL REFERENCES orders (id),
    line integer NOT NULL,
    sku varchar(20) NOT NULL,
    PRIMARY KEY (order_id, line)
);

CREATE TABLE line_notes (
    id serial PRIMARY KEY,
    order_id bigint NOT NULL,
    line integer NOT NULL,
    note text NOT NULL,
    FOREIGN KEY (order_id, line) REFERENCES order_lines (order_id, line)
);

CREATE TABLE teams (id serial PRIMARY KEY, lead_id integer NOT NULL);
CREATE TABLE members (id serial PRIMARY KEY, team_id integer NOT NULL REFERENCES teams (id));
ALTER TABLE teams ADD CONSTRAINT teams_lead_fk FOREIGN KEY (lead_id) REFERENCES members (id);

CREATE TABLE regions (id serial PRIMARY KEY, code country_code NOT NULL);
CREATE TABLE vouchers (id serial PRIMARY KEY, code text NOT NULL CHECK (code ~ '^V[0-9]{6}$'));
CREATE TABLE zones (id serial PRIMARY KEY, area polygon NOT NULL);
