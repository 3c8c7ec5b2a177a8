/** Flyway-specific hooks users implement, such as {@link io.github.migrationtest.core.flyway.FlywayConfigurer}. */
package io.github.migrationtest.core.flyway;
