CREATE TYPE item_status AS ENUM ('active', 'deleted');
CREATE TABLE items (id bigint PRIMARY KEY, status item_status NOT NULL);
INSERT INTO items VALUES (1, 'deleted');
