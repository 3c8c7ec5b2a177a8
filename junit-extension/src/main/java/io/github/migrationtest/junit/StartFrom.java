package io.github.migrationtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a database that starts from a {@code pg_dump} of production instead of an empty one: a clone of a
 * cached template with the dump files loaded (see {@code SchemaDump}), e.g.
 * {@code @StartFrom("classpath:prod/schema.sql") MigrationDatabase db}. With {@link At} or {@link Migrated} the
 * chain is applied on top of the dump, up to that migration.
 *
 * <p>{@code @MigrationTest(startFrom = ...)} gives every database of the class that start; this annotation on
 * a parameter wins over it.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StartFrom {

    /**
     * The dump files, loaded in order: {@code classpath:...}, {@code filesystem:...} or a path; typically a
     * {@code pg_dump --schema-only} file, then {@code pg_dump --data-only -t flyway_schema_history}.
     */
    String[] value();
}
