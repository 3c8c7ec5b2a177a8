/** The PostgreSQL server a test database lives on, and where it comes from. */
package io.github.migrationtest.core.server;
