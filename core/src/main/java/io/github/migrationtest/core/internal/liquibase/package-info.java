/** The Liquibase engine; Liquibase is an optional dependency. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.liquibase;
