CREATE TABLE places (id bigint PRIMARY KEY, location geometry(Point, 4326) NOT NULL);
