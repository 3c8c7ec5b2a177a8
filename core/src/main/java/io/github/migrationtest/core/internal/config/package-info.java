/** Settings: keys, sources and their resolution. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.config;
