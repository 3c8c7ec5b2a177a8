/** {@code @SpringMigrationTest}: migration tests of a Spring Boot application, on its own settings and application context. */
package io.github.migrationtest.spring;
