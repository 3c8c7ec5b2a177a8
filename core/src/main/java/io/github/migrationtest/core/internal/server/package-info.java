/** The registry of running servers: one per provider and major version per JVM. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.server;
