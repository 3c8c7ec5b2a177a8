CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
