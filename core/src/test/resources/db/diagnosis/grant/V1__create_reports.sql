CREATE TABLE reports (id bigint PRIMARY KEY, body text NOT NULL);
GRANT SELECT ON reports TO migrationtest_absent_reader;
