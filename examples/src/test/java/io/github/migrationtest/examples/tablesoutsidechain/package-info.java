/**
 * A deploy that returned 502 for days: production's tables had been created by hand, the chain's first migration
 * created them again and failed with "relation already exists", and the repair migration meant to fix every
 * database never ran. Reproduced from a pg_dump of that production, diagnosed by the doctor, and fixed with an
 * idempotent baseline and a repair whose CONCURRENTLY indexes run outside a transaction.
 */
package io.github.migrationtest.examples.tablesoutsidechain;
