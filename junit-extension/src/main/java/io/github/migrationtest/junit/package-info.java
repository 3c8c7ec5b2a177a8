/**
 * The JUnit Jupiter extension: {@link io.github.migrationtest.junit.MigrationTest @MigrationTest} gives
 * every test its own PostgreSQL database with the project's migration chain bound.
 */
package io.github.migrationtest.junit;
