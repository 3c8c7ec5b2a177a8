/** The docker provider: a Testcontainers container, data on tmpfs. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.server.docker;
