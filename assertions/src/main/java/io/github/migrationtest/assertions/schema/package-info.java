/**
 * Immutable snapshots of a PostgreSQL schema read from {@code pg_catalog}, their canonical text form and the
 * differences between two of them.
 */
package io.github.migrationtest.assertions.schema;
