package io.github.migrationtest.junit;

import io.github.migrationtest.core.flyway.FlywayConfigurer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Tests a migration chain against real PostgreSQL: every test gets a database of its own, and the
 * class runs once per PostgreSQL major version asked for.
 *
 * <pre>{@code
 * @MigrationTest(flyway = "classpath:db/migration", postgres = {"15", "17"})
 * class BillingMigrationsTest {
 *
 *     @Test
 *     void migratesFromEmpty(MigrationDatabase db) {           // empty database, chain bound
 *         assertThat(db.migrate()).succeeded();
 *     }
 *
 *     @Test
 *     void hasTheInvoiceTable(@Migrated MigrationDatabase db) { // a clone of the cached head state
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Test and {@code @BeforeEach}/{@code @AfterEach} methods may declare:
 * <ul>
 *   <li>{@code MigrationDatabase} — an empty database with the chain bound;</li>
 *   <li>{@code @Migrated MigrationDatabase} — a clone of the database at the chain's head;</li>
 *   <li>{@code @At("6") MigrationDatabase} — a clone of the database after migration 6;</li>
 *   <li>{@code DataSource} or {@code Connection} — the migrated database (or, annotated with
 *       {@code @At}, that state).</li>
 * </ul>
 * Within one test, parameters that ask for the same state share one database; it is dropped after
 * the test (kept with {@code migrationtest.keep-failed=true} when the test fails).
 *
 * <p>Every attribute left empty falls back to the settings described in docs/configuration.md (system
 * properties, environment variables, {@code migrationtest.properties}); attributes set here win.
 * Misconfiguration fails the class before any test runs, with what to fix.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// @ParameterizedClass (JUnit 5.13+) runs the class once per version. JUnit 5.12 lacks the annotation, and
// Java drops an annotation whose type is missing: there the class runs once (see ClassPlan).
@ParameterizedClass(name = "{argumentSetName}")
@ArgumentsSource(PostgresVersionsSource.class)
@ExtendWith(MigrationTestExtension.class)
public @interface MigrationTest {

    /** Flyway locations of the chain, e.g. {@code classpath:db/migration} or {@code filesystem:src/main/sql}. */
    String[] flyway() default {};

    /** The Liquibase master changelog of the chain, e.g. {@code db/changelog/db.changelog-master.yaml}. */
    String liquibase() default "";

    /**
     * Dump files every database of the class starts from instead of an empty database, loaded in order, e.g.
     * {@code {"classpath:prod/schema.sql", "classpath:prod/history.sql"}}; see {@link StartFrom}.
     */
    String[] startFrom() default {};

    /** PostgreSQL major versions; the class runs once for each. Default: {@code migrationtest.postgres}, else 17. */
    String[] postgres() default {};

    /** Where PostgreSQL comes from: {@code auto}, {@code docker}, {@code embedded} or {@code external}. */
    String provider() default "";

    /**
     * Engine and migrationtest properties as {@code key=value}: {@code flyway.*} keys for Flyway
     * ({@code flyway.placeholders.owner=app}, {@code flyway.postgresql.transactional.lock=false}),
     * {@code liquibase.*} keys for Liquibase ({@code liquibase.contexts=test},
     * {@code liquibase.parameters.owner=app}), {@code migrationtest.*} settings.
     */
    String[] properties() default {};

    /** Adjusts the Flyway configuration in code; needs a public no-argument constructor. */
    Class<? extends FlywayConfigurer> flywayConfigurer() default FlywayConfigurer.None.class;
}
