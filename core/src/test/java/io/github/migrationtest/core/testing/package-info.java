/** Fixtures shared by core's tests: a real PostgreSQL server and fresh databases on it. */
package io.github.migrationtest.core.testing;
