package io.github.migrationtest.spring;

import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.spring.internal.SpringDatabaseExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @SpringBootTest} whose chain is the application's own ({@code spring.flyway.*} or
 * {@code spring.liquibase.*} from application.properties/yml and the active profiles) and whose
 * application context's {@code DataSource} is the running test's database: the migrated clone, or the
 * {@code @At} state a test parameter asks for. Boot's own Flyway/Liquibase auto-configuration is switched
 * off for it, and Spring's context cache keeps one context for all such classes of equal configuration.
 *
 * <pre>{@code
 * @SpringMigrationTest
 * class OrderRepositoryTests {
 *     @Autowired OrderRepository orders;
 *
 *     @Test
 *     void savesOnTheMigratedSchema() {
 *         orders.save(new Order(Status.OPEN));
 *         assertThat(orders.count()).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>One {@code DataSource} per context is supported; an application that defines several gets this one
 * as the primary bean, its own stay as they are.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@MigrationTest
// Before SpringExtension: the DataSource must follow the test before Spring opens a transaction on it.
@ExtendWith(SpringDatabaseExtension.class)
@SpringBootTest
public @interface SpringMigrationTest {

    /** Properties of the test's application context, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** The configuration classes of the context, as {@link SpringBootTest#classes()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};
}
