package io.github.migrationtest.scenarios.checks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the standard suite of one test class did on one server: per check, the tests it ran, the migrations
 * it executed (applied, undone, failed - building states included) and the states it built, and how long
 * it took; and what it noticed without failing. Printed once per class; {@code @AfterAll} methods of a
 * {@code @MigrationTest} class may declare a parameter of this type to read it.
 *
 * <p>Each test is charged for what it executed and built itself, counted on its own thread: tests running
 * at the same time (JUnit's parallel execution) do not count each other's work. A state is counted by the
 * test that built it; a test that waited for another to build the state it needed counts nothing for it.
 * Times are each test's own, added up: with tests running concurrently the sum exceeds the wall time.
 *
 * @param chain the chain's description
 * @param server the server's description
 * @param checks what each check did, in the order the checks first ran
 * @param notes what the checks noticed without failing (e.g. a column order a rollback cannot restore)
 */
public record SuiteReport(String chain, String server, List<CheckRun> checks, List<String> notes) {

    /**
     * What one check did.
     *
     * @param check the check's name, e.g. {@code upgrade from every version}
     * @param tests how many of its tests ran
     * @param migrationsExecuted the migrations its tests executed, building states included
     * @param statesBuilt the cached states its tests built (the others it reused)
     * @param time the time its tests took, added up (more than the wall time when they ran concurrently)
     */
    public record CheckRun(String check, int tests, long migrationsExecuted, int statesBuilt, Duration time) {
        /** Validates the components. */
        public CheckRun {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(time, "time");
        }
    }

    /** Validates and copies the components. */
    public SuiteReport {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(server, "server");
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    /** The migrations all checks executed. */
    public long migrationsExecuted() {
        return checks.stream().mapToLong(CheckRun::migrationsExecuted).sum();
    }

    /** The states all checks built. */
    public int statesBuilt() {
        return checks.stream().mapToInt(CheckRun::statesBuilt).sum();
    }

    /** The time all checks took. */
    public Duration time() {
        return checks.stream().map(CheckRun::time).reduce(Duration.ZERO, Duration::plus);
    }

    /** What one check did, if it ran. */
    public Optional<CheckRun> check(String name) {
        return checks.stream().filter(c -> c.check().equals(name)).findFirst();
    }

    /** The report as text: a line for the suite, one per check, then the notes. */
    public String describe() {
        StringBuilder text = new StringBuilder("Standard suite of the ").append(chain).append(" on ").append(server)
                .append(": ").append(migrationsExecuted()).append(" migrations executed, ").append(statesBuilt())
                .append(" states built, ").append(seconds(time()));
        for (CheckRun run : checks) {
            text.append("\n  ").append(run.check()).append(": ").append(run.tests())
                    .append(run.tests() == 1 ? " test, " : " tests, ").append(run.migrationsExecuted())
                    .append(" migrations, ").append(run.statesBuilt()).append(" states, ").append(seconds(run.time()));
        }
        notes.forEach(note -> text.append("\n  note: ").append(note));
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
