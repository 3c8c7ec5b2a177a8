package io.github.migrationtest.core.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseFactoryTests {

    private final DatabaseFactory factory = TestDatabases.factory();

    @AfterEach
    void dropWhatTheTestsCreatedByHand() throws SQLException {
        for (String name : List.of("mt_t_orphan_1", "mt_t_unmarked_1", "bystander_db", "mt_t_live_1", "mt_t_kept_1")) {
            admin("DROP DATABASE IF EXISTS " + name);
        }
    }

    @Test
    void clonesOfOneTemplateAreIsolatedFromEachOther() {
        FlywayChain chain = TestDatabases.flyway("db/locked");
        String template = factory.templates().templateAt(chain, Optional.empty(), Duration.ofMinutes(1));
        try (DisposableDatabase first = factory.cloneOf(template); DisposableDatabase second = factory.cloneOf(template)) {
            execute(first, "INSERT INTO ledger (id, amount) VALUES (1, 10)");

            assertThat(count(first)).isEqualTo(1);
            assertThat(count(second)).isZero();
        }
    }

    @Test
    void aChainWhoseFilesChangedInThisJvmGetsStatesOfItsNewFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("V1__first.sql"), "CREATE TABLE first_version (id int);\n");
        FlywayChain before = FlywayChain.builder().locations("filesystem:" + dir).build();
        String old = factory.templates().templateAt(before, Optional.empty(), Duration.ofMinutes(1));
        // A generated chain rewritten between two runs of one JVM: other content, same location.
        java.nio.file.Files.writeString(dir.resolve("V1__first.sql"), "CREATE TABLE rewritten_first_version (id int);\n");
        FlywayChain after = FlywayChain.builder().locations("filesystem:" + dir).build();

        String fresh = factory.templates().templateAt(after, Optional.empty(), Duration.ofMinutes(1));

        assertThat(fresh).isNotEqualTo(old);
        try (DisposableDatabase db = factory.cloneOf(fresh)) {
            assertThat(TestDatabases.tables(db)).containsExactlyInAnyOrder("public.flyway_schema_history",
                    "public.rewritten_first_version");
        }
    }

    @Test
    void closingADatabaseDropsIt() {
        DisposableDatabase db = factory.createEmpty();
        assertThat(exists(db.name())).isTrue();

        db.close();
        factory.settle();

        assertThat(exists(db.name())).isFalse();
        assertThat(factory.liveDatabases()).doesNotContain(db.name());
    }

    @Test
    void theNextCloneOfATemplateIsMadeAheadOfTheTestThatAsksForIt() {
        FlywayChain chain = TestDatabases.flyway("db/locked");
        String template = factory.templates().templateAt(chain, Optional.empty(), Duration.ofMinutes(1));
        try (DisposableDatabase first = factory.cloneOf(template)) {
            factory.settle();
            List<String> madeAhead = factory.liveDatabases().stream()
                    .filter(name -> !name.equals(first.name()) && !name.equals(template)).toList();

            try (DisposableDatabase second = factory.cloneOf(template)) {
                assertThat(madeAhead).contains(second.name());
                assertThat(count(second)).isZero();
            }
        }
    }

    @Test
    void dropsOrphansOfDeadRunsAndSparesEverythingElse() throws Exception {
        // GIVEN a marked database of a run that is gone
        createWithComment("mt_t_orphan_1", "migrationtest run 123456 empty test database, created 2026-01-01T00:00:00Z");
        // AND databases that lack one half of the marker or belong to a live run or were kept
        createWithComment("mt_t_unmarked_1", null);
        createWithComment("bystander_db", "migrationtest run 123456 empty test database, created 2026-01-01T00:00:00Z");
        createWithComment("mt_t_live_1", "migrationtest run 654321 empty test database, created 2026-01-01T00:00:00Z");
        createWithComment("mt_t_kept_1", "migrationtest kept (migrationtest.keep-failed) from run 123456, 2026-01-01");
        try (Connection liveRun = factory.server().address().connect("postgres", "another-run");
                Statement statement = liveRun.createStatement()) {
            statement.execute("select pg_advisory_lock(" + DatabaseMarker.LEASE_CLASS + ", 654321)");

            int dropped = factory.dropOrphans();

            assertThat(dropped).isEqualTo(1);
            assertThat(exists("mt_t_orphan_1")).isFalse();
            assertThat(exists("mt_t_unmarked_1")).isTrue();
            assertThat(exists("bystander_db")).isTrue();
            assertThat(exists("mt_t_live_1")).isTrue();
            assertThat(exists("mt_t_kept_1")).isTrue();
        }
        // The live run ended with its session (whose backend exits a moment after the connection closes).
        awaitNoLease(654321);
        assertThat(factory.dropOrphans()).isEqualTo(1);
        assertThat(exists("mt_t_live_1")).isFalse();
    }

    @Test
    void dropRefusesDatabasesItDidNotCreate() throws Exception {
        createWithComment("mt_t_unmarked_1", null);

        factory.drop("mt_t_unmarked_1");
        factory.drop("postgres");

        assertThat(exists("mt_t_unmarked_1")).isTrue();
        assertThat(exists("postgres")).isTrue();
    }

    private void awaitNoLease(int run) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Connection c = factory.server().address().connect("postgres", "test"); Statement s = c.createStatement();
                    var rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and objid = " + run)) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The lease of run " + run + " was not released");
    }

    private void createWithComment(String name, String comment) throws SQLException {
        admin("CREATE DATABASE " + name);
        if (comment != null) {
            admin("COMMENT ON DATABASE " + name + " IS '" + comment + "'");
        }
    }

    private boolean exists(String name) {
        try (Connection c = factory.server().address().connect("postgres", "test");
                Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = factory.server().address().connect("postgres", "test"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void execute(DisposableDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(DisposableDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from ledger")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
