/**
 * Flyway chains. Flyway is an optional dependency: the user's project brings it (10 to 13), and
 * nothing outside this package touches it.
 */
package io.github.migrationtest.core.flyway;
