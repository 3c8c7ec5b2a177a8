/** Hooks through which optional modules (such as migrationtest-spring) give a {@code @MigrationTest} class its chain and databases. */
package io.github.migrationtest.junit.spi;
