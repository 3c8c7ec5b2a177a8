DROP TABLE events;
DROP TYPE eventtype;
