-- Takes longer than the 1 s time limit the tests set on @MigrationTest: a run that reads the default (5 min) succeeds.
CREATE TYPE mood AS ENUM ('calm', 'busy');
SELECT pg_sleep(4);
