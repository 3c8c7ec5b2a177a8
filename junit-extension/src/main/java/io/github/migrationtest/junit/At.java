package io.github.migrationtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a database with the chain applied up to and including one migration: a clone of a
 * cached template of that state, e.g. {@code @At("6") MigrationDatabase db} to test what migration 7
 * does to the data of version 6.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface At {

    /** The id of the last migration applied: a Flyway version ({@code "6"}, {@code "1.2"}) or a Liquibase changeset id. */
    String value();
}
