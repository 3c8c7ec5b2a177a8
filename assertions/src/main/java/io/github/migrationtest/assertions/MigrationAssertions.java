package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.schema.MigrationHistory;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.profile.ChainProfile;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * The entry point of migrationtest's assertions. Import its methods statically next to AssertJ's: the overloads
 * take types of their own, so they do not clash.
 *
 * <pre>{@code
 * import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
 *
 * assertThat(db.migrate()).succeeded();
 * assertThat(db).table("users").column("password").hasType("text").isNotNullable();
 * }</pre>
 */
public final class MigrationAssertions {

    private MigrationAssertions() {
    }

    /** Assertions on a schema snapshot. */
    @CheckReturnValue
    public static SchemaSnapshotAssert assertThat(SchemaSnapshot actual) {
        return new SchemaSnapshotAssert(actual);
    }

    /** Assertions on the schema of a test's database, read now. */
    @CheckReturnValue
    public static SchemaSnapshotAssert assertThat(MigrationDatabase actual) {
        return new SchemaSnapshotAssert(SchemaSnapshot.of(actual), actual.settings());
    }

    /** Assertions on the lock and rewrite profiles of a chain's migrations. */
    @CheckReturnValue
    public static ChainProfileAssert assertThat(ChainProfile actual) {
        return new ChainProfileAssert(actual);
    }

    /** Assertions on the lock and rewrite profile of one migration. */
    @CheckReturnValue
    public static ProfileAssert assertThat(MigrationProfile actual) {
        return new ProfileAssert(actual);
    }

    /** Assertions on the result of a migration run. */
    @CheckReturnValue
    public static MigrationResultAssert assertThat(MigrationResult actual) {
        return new MigrationResultAssert(actual);
    }

    /** Assertions on a migration history, e.g. {@code snapshot.history()}. */
    @CheckReturnValue
    public static HistoryAssert assertThat(MigrationHistory actual) {
        return new HistoryAssert(actual);
    }

    /**
     * Assertions on history entries, e.g. {@code db.history()}; named apart so that it does not clash with
     * AssertJ's {@code assertThat(List)}.
     */
    @CheckReturnValue
    public static HistoryAssert assertThatHistory(List<HistoryEntry> actual) {
        return new HistoryAssert(MigrationHistory.of(actual));
    }

    /** Assertions on the history table of a test's database, read now. */
    @CheckReturnValue
    public static HistoryAssert assertThatHistory(MigrationDatabase actual) {
        return assertThatHistory(actual.history());
    }
}
