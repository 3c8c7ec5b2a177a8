CREATE TABLE campaigns (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);
