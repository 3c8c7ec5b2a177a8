/**
 * Deploys that failed on the databases that already had a change: ADD VALUE wrapped in code that swallows
 * "already exists" left the transaction aborted (25P02), and a trigger on auth.users failed where the platform's
 * auth schema does not exist. The write-up's checklist - fresh database, rerun on a database that has the changes,
 * downgrade - is the standard suite of the fixed chain.
 */
package io.github.migrationtest.examples.eventtypes;
