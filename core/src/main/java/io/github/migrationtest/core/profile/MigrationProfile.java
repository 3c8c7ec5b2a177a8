package io.github.migrationtest.core.profile;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one migration did to a populated database: how long it ran, every lock it held and for how
 * long, the relations it rewrote, how long probe sessions reading and writing its tables waited, and
 * the rows of every table before and after.
 *
 * @param migrationId the migration's id
 * @param displayName the migration as messages name it
 * @param duration how long the run took
 * @param succeeded whether the migration succeeded
 * @param locks the locks held on existing relations (relations the migration created are left out: no one
 *     else can wait for them)
 * @param rewrites the relations whose data files were replaced
 * @param probes the waits of the probe sessions
 * @param rows row counts of the tables that had rows before
 */
public record MigrationProfile(String migrationId, String displayName, Duration duration, boolean succeeded,
        List<LockHold> locks, List<Rewrite> rewrites, List<ProbeWait> probes, List<RowCount> rows) {

    /** Validates and copies the components. */
    public MigrationProfile {
        Objects.requireNonNull(migrationId, "migrationId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(duration, "duration");
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
        probes = List.copyOf(probes);
        rows = List.copyOf(rows);
    }

    /** The strongest lock held on the relation, if any. */
    public Optional<LockHold> strongestLock(String relation) {
        return locks.stream().filter(l -> matches(l.relation(), relation))
                .max(Comparator.comparing(LockHold::mode).thenComparing(LockHold::held));
    }

    /** The relations locked, in the order first locked. */
    public List<String> lockedRelations() {
        return locks.stream().map(LockHold::relation).distinct().toList();
    }

    /** The longest time a lock blocked plain SELECTs on any of the migration's relations (zero if none did). */
    public Duration readsBlocked() {
        return longest(locks.stream().filter(l -> l.mode().blocksReads()).toList(), ProbeWait.Probe.READ);
    }

    /** The longest time a lock blocked INSERT, UPDATE and DELETE on any of the migration's relations. */
    public Duration writesBlocked() {
        return longest(locks.stream().filter(l -> l.mode().blocksWrites()).toList(), ProbeWait.Probe.WRITE);
    }

    private Duration longest(List<LockHold> blocking, ProbeWait.Probe probe) {
        Duration longest = blocking.stream().map(LockHold::held).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Duration waited = probes.stream().filter(p -> p.probe() == probe).map(ProbeWait::longest)
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return longest.compareTo(waited) >= 0 ? longest : waited;
    }

    /** Whether {@code relation} names {@code qualified}: equal, or equal to its unqualified name. */
    public static boolean matches(String qualified, String relation) {
        return qualified.equals(relation) || qualified.substring(qualified.indexOf('.') + 1).equals(relation);
    }
}
