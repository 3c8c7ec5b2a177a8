/** The external provider: a server the user runs, given by JDBC URL. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.server.external;
