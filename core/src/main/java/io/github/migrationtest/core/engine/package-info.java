/** The engine-agnostic view of a migration chain that Flyway and Liquibase implement. */
package io.github.migrationtest.core.engine;
