/**
 * One behaviour, two engines, two PostgreSQL versions: the same tests against a Flyway chain and an
 * equivalent Liquibase changelog, each on PostgreSQL 15 and 17.
 */
package io.github.migrationtest.examples.engines;
