/** The Flyway engine, built on Flyway's public API; Flyway is an optional dependency. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.flyway;
