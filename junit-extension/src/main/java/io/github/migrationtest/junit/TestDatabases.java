package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases of the running {@code @MigrationTest} test, for extensions that hand them to other
 * frameworks (migrationtest-spring gives the application context's {@code DataSource} this way). A test
 * parameter asking for the same state gets the same database.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * The current test's database in the given state, opened on first use and dropped after the test.
     *
     * @param context the context of a test method of a {@code @MigrationTest} class
     * @param at a version of the chain ({@code @At}), or empty for the migrated head
     */
    public static MigrationDatabase of(ExtensionContext context, Optional<String> at) {
        ClassPlan plan = ClassPlan.of(context);
        return plan.runOf(context).resolver().database(context,
                at.map(DatabaseState::at).orElse(DatabaseState.HEAD));
    }

    /**
     * A migrated database that lives as long as the class's run, for what starts before any test (an
     * application context); tests never get it.
     *
     * @param context the context of a {@code @MigrationTest} class (or of one of its tests)
     */
    public static MigrationDatabase ofClass(ExtensionContext context) {
        ClassPlan plan = ClassPlan.of(context);
        return plan.runOf(context).resolver().classDatabase(context);
    }
}
