package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What happened when several migrators ran the chain against one database at once: who applied what,
 * who failed and why, and the history they left.
 *
 * @param migrators each migrator's run, by number
 * @param history the engine's history after all of them ended
 * @param took how long it took from the common start until the last one ended
 */
public record ConcurrentMigrationReport(List<MigratorRun> migrators, List<HistoryEntry> history, Duration took) {

    /** Validates and copies the components. */
    public ConcurrentMigrationReport {
        migrators = List.copyOf(migrators);
        history = List.copyOf(history);
        Objects.requireNonNull(took, "took");
    }

    /** The migrators whose run ended without failure. */
    public List<MigratorRun> succeeded() {
        return migrators.stream().filter(MigratorRun::succeeded).collect(Collectors.toUnmodifiableList());
    }

    /** The migrators whose run failed. */
    public List<MigratorRun> failed() {
        return migrators.stream().filter(m -> !m.succeeded()).collect(Collectors.toUnmodifiableList());
    }

    /** The migrators that applied at least one migration. */
    public List<MigratorRun> appliers() {
        return migrators.stream().filter(m -> !m.applied().isEmpty()).collect(Collectors.toUnmodifiableList());
    }

    /** For each migration applied, the numbers of the migrators that applied it, in the order of the history. */
    public Map<String, List<Integer>> appliedBy() {
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (MigratorRun migrator : migrators) {
            for (Migration migration : migrator.applied()) {
                by.computeIfAbsent(migration.id(), id -> new ArrayList<>()).add(migrator.number());
            }
        }
        return by;
    }

    /** The migrations more than one migrator applied: what a lock that does not serialise lets happen. */
    public List<String> appliedMoreThanOnce() {
        return appliedBy().entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableList());
    }

    /** A summary line, then one line (or a failure's account) per migrator. */
    public String describe() {
        StringBuilder text = new StringBuilder().append(migrators.size()).append(" migrators started together: ")
                .append(appliers().size()).append(" applied migrations, ").append(failed().size()).append(" failed, in ")
                .append(took.toMillis()).append(" ms");
        migrators.forEach(m -> text.append("\n  ").append(m.describe().replace("\n", "\n  ")));
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
