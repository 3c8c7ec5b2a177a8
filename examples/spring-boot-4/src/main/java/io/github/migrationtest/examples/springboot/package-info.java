/** A small Spring Boot 4 application: tickets with a status, stored through Spring Data JPA, migrated by Flyway. */
package io.github.migrationtest.examples.springboot;
