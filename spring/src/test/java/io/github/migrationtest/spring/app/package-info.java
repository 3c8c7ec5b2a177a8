/** A small Spring Boot application (JDBC, Flyway settings in application.yml) and the test classes the Spring tests launch. */
package io.github.migrationtest.spring.app;
