/**
 * Loading plain-text {@code pg_dump} files into a database as psql would; may change at any time.
 */
package io.github.migrationtest.core.internal.dump;
