/**
 * Fluent AssertJ assertions for schemas, migration results and migration histories; start from
 * {@link io.github.migrationtest.assertions.MigrationAssertions}.
 */
package io.github.migrationtest.assertions;
