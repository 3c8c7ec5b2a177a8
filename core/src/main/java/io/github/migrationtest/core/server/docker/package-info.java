/**
 * The docker provider: a Testcontainers PostgreSQL container per major version. Testcontainers is an
 * optional dependency; nothing outside this package touches it.
 */
package io.github.migrationtest.core.server.docker;
