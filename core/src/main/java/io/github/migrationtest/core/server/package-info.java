/**
 * PostgreSQL servers for tests: one per provider and major version per JVM, started on first use and
 * stopped at the end of the run.
 */
package io.github.migrationtest.core.server;
