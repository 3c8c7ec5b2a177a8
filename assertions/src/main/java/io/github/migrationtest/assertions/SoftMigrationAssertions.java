package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.schema.MigrationHistory;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions: every failed check is collected and reported together by {@link #assertAll()}, also those
 * of objects navigated to ({@code table(...).column(...)}). Built on AssertJ's own soft-assertion machinery,
 * so it works with AssertJ's {@code SoftAssertionsExtension} and {@code assertSoftly}.
 *
 * <pre>{@code
 * SoftMigrationAssertions.assertSoftly(softly -> {
 *     softly.assertThat(db).table("users").column("email").isNotNullable();
 *     softly.assertThat(db).enumType("industry").hasLabels("tech", "media", "retail");
 * });
 * }</pre>
 */
public class SoftMigrationAssertions extends AbstractSoftAssertions {

    /** Creates an empty collector of failures. */
    public SoftMigrationAssertions() {
    }

    /** Runs the checks softly and then fails with all their failures, if any. */
    public static void assertSoftly(Consumer<SoftMigrationAssertions> checks) {
        SoftAssertionsProvider.assertSoftly(SoftMigrationAssertions.class, checks);
    }

    /** Soft assertions on a schema snapshot. */
    @CheckReturnValue
    public SchemaSnapshotAssert assertThat(SchemaSnapshot actual) {
        SchemaSnapshotAssert softAssert = proxy(SchemaSnapshotAssert.class, SchemaSnapshot.class, actual);
        softAssert.navigator(Navigator.soft(this));
        return softAssert;
    }

    /** Soft assertions on the schema of a test's database, read now. */
    @CheckReturnValue
    public SchemaSnapshotAssert assertThat(MigrationDatabase actual) {
        return assertThat(SchemaSnapshot.of(actual));
    }

    /** Soft assertions on the result of a migration run. */
    @CheckReturnValue
    public MigrationResultAssert assertThat(MigrationResult actual) {
        return proxy(MigrationResultAssert.class, MigrationResult.class, actual);
    }

    /** Soft assertions on a migration history. */
    @CheckReturnValue
    public HistoryAssert assertThat(MigrationHistory actual) {
        return proxy(HistoryAssert.class, MigrationHistory.class, actual);
    }

    /** Soft assertions on history entries, e.g. {@code db.history()}. */
    @CheckReturnValue
    public HistoryAssert assertThatHistory(List<HistoryEntry> actual) {
        return assertThat(MigrationHistory.of(actual));
    }
}
