/** Helpers shared by core's layers: SQL scripts and errors, locations, passwords, version parsing. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal;
