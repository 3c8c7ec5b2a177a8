/**
 * Liquibase chains. Liquibase is an optional dependency: the user's project brings it (4.20 to 5.x),
 * and nothing outside this package touches it.
 */
package io.github.migrationtest.core.liquibase;
