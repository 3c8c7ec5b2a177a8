/** A small Spring Boot application: tickets with a status, stored through Spring Data JPA, migrated by Flyway. */
package io.github.migrationtest.examples.springboot;
