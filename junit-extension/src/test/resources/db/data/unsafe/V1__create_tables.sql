CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    plan varchar(20) NOT NULL,
    country text
);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    amount integer NOT NULL,
    note text,
    created_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE events (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    payload text,
    seen integer NOT NULL
);
