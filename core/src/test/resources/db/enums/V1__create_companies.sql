CREATE TABLE companies (id bigint PRIMARY KEY, name text NOT NULL);
