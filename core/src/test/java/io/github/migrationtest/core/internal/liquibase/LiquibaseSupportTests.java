package io.github.migrationtest.core.internal.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class LiquibaseSupportTests {

    @Test
    void aChainWithoutLiquibaseOnTheClassPathNamesTheCoordinatesToAdd() throws Exception {
        // migrationtest's own classes from this build, Liquibase hidden: as in a project without it.
        URL classes = LiquibaseChain.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader withoutLiquibase = new HidingClassLoader(getClass().getClassLoader());
        try (URLClassLoader project = new URLClassLoader(new URL[] {classes}, withoutLiquibase)) {
            Class<?> chain = Class.forName(LiquibaseChain.class.getName(), true, project);

            Throwable thrown = catchThrowable(() -> chain.getMethod("builder").invoke(null));

            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            Throwable cause = thrown.getCause();
            assertThat(cause.getClass().getName())
                    .isEqualTo("io.github.migrationtest.core.model.MigrationTestConfigurationException");
            assertThat(cause).hasMessage("The chain is a Liquibase chain, but Liquibase (4.20 or later) is not on the"
                    + " test class path. Add the dependency org.liquibase:liquibase-core, e.g. <dependency>"
                    + "<groupId>org.liquibase</groupId><artifactId>liquibase-core</artifactId><version>4.33.0</version>"
                    + "<scope>test</scope></dependency>.");
        }
    }

    @Test
    void withLiquibaseOnTheClassPathNothingIsMissing() {
        LiquibaseSupport.require();

        assertThat(LiquibaseChain.builder().changelog("any.xml").build().engine()).startsWith("Liquibase ");
    }

    /** Finds nothing of Liquibase, and leaves migrationtest's classes to the child loader. */
    private static final class HidingClassLoader extends ClassLoader {
        HidingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("liquibase.") || name.startsWith("io.github.migrationtest.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("liquibase/") ? null : super.getResource(name);
        }
    }
}
