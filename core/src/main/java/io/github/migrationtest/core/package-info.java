/** The API a test touches: a {@link io.github.migrationtest.core.MigrationDatabase} of its own, and seeds that put it into a state. */
package io.github.migrationtest.core;
