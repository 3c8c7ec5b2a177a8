package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.profile.ProbeWait;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sessions that read and write tables while a migration runs and time how long each waits. A probe takes
 * the very lock its statement would ({@code LOCK TABLE ... IN ACCESS SHARE MODE} for a SELECT,
 * {@code ROW EXCLUSIVE} for an INSERT) and rolls back at once, so it needs no valid row, changes nothing and
 * holds at most one lock for microseconds.
 */
final class Probes implements AutoCloseable {

    private static final long PAUSE_MILLIS = 5;

    private final List<Probe> probes = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private Probes() {
    }

    /** Starts a reader and a writer on each table. */
    static Probes start(MigrationDatabase database, List<String> tables) {
        Probes started = new Probes();
        for (String table : tables) {
            for (ProbeWait.Probe kind : ProbeWait.Probe.values()) {
                Probe probe = started.new Probe(database, table, kind);
                started.probes.add(probe);
                probe.thread.start();
            }
        }
        return started;
    }

    /** Stops the probes and returns what each waited. */
    List<ProbeWait> stop() {
        running.set(false);
        List<ProbeWait> waits = new ArrayList<>();
        for (Probe probe : probes) {
            try {
                probe.thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            waits.add(new ProbeWait(probe.table, probe.kind, Duration.ofNanos(probe.longest), probe.attempts));
        }
        return waits;
    }

    @Override
    public void close() {
        running.set(false);
    }

    private final class Probe implements Runnable {
        private final MigrationDatabase database;
        private final String table;
        private final ProbeWait.Probe kind;
        private final Thread thread;
        private volatile long longest;
        private volatile int attempts;

        Probe(MigrationDatabase database, String table, ProbeWait.Probe kind) {
            this.database = database;
            this.table = table;
            this.kind = kind;
            this.thread = new Thread(this, "migrationtest-probe-" + kind + "-" + table);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            String mode = kind == ProbeWait.Probe.READ ? "ACCESS SHARE" : "ROW EXCLUSIVE";
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SET application_name = 'migrationtest-probe'");
                connection.setAutoCommit(false);
                while (running.get()) {
                    long start = System.nanoTime();
                    statement.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
                    long waited = System.nanoTime() - start;
                    connection.rollback();
                    attempts++;
                    longest = Math.max(longest, waited);
                    Thread.sleep(PAUSE_MILLIS);
                }
            } catch (SQLException e) {
                // The migration dropped or renamed the table: nothing left to wait for.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
