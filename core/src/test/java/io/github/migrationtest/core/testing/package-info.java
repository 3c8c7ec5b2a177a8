/**
 * Test support shared by the tests of every module (core's test-jar): embedded PostgreSQL servers and fresh databases.
 */
package io.github.migrationtest.core.testing;
