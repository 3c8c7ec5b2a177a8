package io.github.migrationtest.core.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeLimitedRunTests {

    @Test
    void aMigrationBlockedByAnotherSessionFailsAtTheLimitWithWhatItWaitedOn() throws Exception {
        FlywayChain chain = TestDatabases.flyway("db/locked");
        try (DisposableDatabase db = TestDatabases.factory().createEmpty()) {
            assertThat(RunPipeline.of(chain, db, Duration.ofMinutes(1)).migrate(Optional.of("1")).succeeded()).isTrue();
            try (Connection blocker = db.connect(); Statement statement = blocker.createStatement()) {
                // GIVEN another session holds a lock on the table and does not let go
                int blockerPid = pid(statement);
                blocker.setAutoCommit(false);
                statement.execute("LOCK TABLE ledger IN ACCESS EXCLUSIVE MODE");

                long started = System.nanoTime();
                MigrationResult result = RunPipeline.of(chain, db, Duration.ofSeconds(2)).migrate(Optional.empty());
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                MigrationFailure failure = result.failure().orElseThrow();
                assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.TIMEOUT);
                assertThat(failure.message()).isEqualTo("the run did not finish within its time limit of 2 s"
                        + " (migrationtest.migration-timeout) and was cancelled");
                assertThat(failure.migration().orElseThrow().id()).isEqualTo("2");
                assertThat(failure.describe())
                        .contains("(migrationtest-migrate, active for")
                        .contains("waiting on Lock/relation, wants AccessExclusiveLock on relation ledger")
                        .contains("running: ALTER TABLE ledger ADD COLUMN currency")
                        .contains("blocked by session " + blockerPid + " (migrationtest, idle in transaction")
                        .contains("last statement: LOCK TABLE ledger IN ACCESS EXCLUSIVE MODE")
                        .contains("holds AccessExclusiveLock on relation ledger");
                assertThat(took).isLessThan(Duration.ofSeconds(20));
                blocker.rollback();
            }
            // The cancelled migration left nothing behind and the chain still completes.
            assertThat(RunPipeline.of(chain, db, Duration.ofMinutes(1)).migrate(Optional.empty()).appliedIds())
                    .containsExactly("2");
        }
    }

    private static int pid(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
