CREATE TABLE IF NOT EXISTS owners (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE CHECK (email LIKE '%@%')
);

CREATE TABLE IF NOT EXISTS companies (
    id bigserial PRIMARY KEY,
    name varchar(100) NOT NULL,
    industry_type varchar(50),
    owner_id bigint NOT NULL REFERENCES owners (id),
    founded date NOT NULL,
    employees integer NOT NULL CHECK (employees > 0)
);
