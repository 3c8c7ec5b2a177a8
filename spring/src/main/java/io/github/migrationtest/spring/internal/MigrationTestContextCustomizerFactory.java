package io.github.migrationtest.spring.internal;

import io.github.migrationtest.spring.SpringMigrationTest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives the context of a {@code @SpringMigrationTest} class the {@link TestDatabaseDataSource} and keeps
 * Boot's Flyway and Liquibase auto-configuration from migrating it (the test's databases are migrated
 * clones already). Registered in META-INF/spring.factories.
 */
public final class MigrationTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean applies = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringMigrationTest.class);
        return applies ? new Customizer() : null;
    }

    /** Equal to every other: classes that differ in nothing else share one cached context. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("migrationtest",
                    Map.of("spring.flyway.enabled", "false", "spring.liquibase.enabled", "false")));
            if (!(context instanceof BeanDefinitionRegistry registry)) {
                throw new IllegalStateException("@SpringMigrationTest needs a context that takes bean definitions,"
                        + " but got a " + context.getClass().getName());
            }
            RootBeanDefinition dataSource = new RootBeanDefinition(TestDatabaseDataSource.class);
            dataSource.setPrimary(true);
            // The name Boot gives its own, so that the DataSource auto-configuration backs off and code that
            // looks the bean up by name finds this one.
            registry.registerBeanDefinition("dataSource", dataSource);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
