/**
 * The external provider: a server the user runs (a CI service, a shared test server). migrationtest
 * creates its own databases there and never touches any other.
 */
package io.github.migrationtest.core.server.external;
