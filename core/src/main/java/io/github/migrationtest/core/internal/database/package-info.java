/** Disposable databases, the template cache, the clone pool and time-limited runs. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.database;
