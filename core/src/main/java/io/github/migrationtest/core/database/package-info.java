/**
 * Disposable databases: every test gets one of its own, cloned from a cached template of the chain,
 * marked so that cleanup never touches a database migrationtest did not create.
 */
package io.github.migrationtest.core.database;
