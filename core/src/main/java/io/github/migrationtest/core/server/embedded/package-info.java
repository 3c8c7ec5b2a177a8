/**
 * The embedded provider: PostgreSQL binaries (the io.zonky.test.postgres jars or a local install)
 * run as a child process, bound to 127.0.0.1, as an unprivileged account when the JVM is root.
 */
package io.github.migrationtest.core.server.embedded;
