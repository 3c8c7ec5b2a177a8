/** The embedded provider: PostgreSQL binaries run as a child process on 127.0.0.1, as an unprivileged account when the JVM is root. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.server.embedded;
