CREATE TABLE events (id bigint PRIMARY KEY, external_key text NOT NULL);
INSERT INTO events VALUES (1, 'a'), (2, 'b'), (3, 'b');
