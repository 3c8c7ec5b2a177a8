package io.github.migrationtest.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The broken states that apply to each migration of a chain, as {@link Scenarios#discover} found them.
 *
 * @param chain the chain's description
 * @param migrations every migration of the chain, in order, with what it did and its scenarios
 * @param took how long discovery took, including building the templates it had no cached copy of
 */
public record Discovery(String chain, List<MigrationScenarios> migrations, Duration took) {

    /** Validates and copies the components. */
    public Discovery {
        Objects.requireNonNull(chain, "chain");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(took, "took");
    }

    /** All scenarios, migration by migration. */
    public List<Scenario> scenarios() {
        return migrations.stream().flatMap(m -> m.scenarios().stream()).collect(Collectors.toUnmodifiableList());
    }

    /** The scenarios of one migration; empty if none applies or the chain has no such migration. */
    public List<Scenario> scenariosOf(String migrationId) {
        return of(migrationId).map(MigrationScenarios::scenarios).orElse(List.of());
    }

    /** The scenarios of one migration whose state is of the given kind. */
    public List<Scenario> scenariosOf(String migrationId, BrokenState.Kind kind) {
        return scenariosOf(migrationId).stream().filter(s -> s.state().kind() == kind)
                .collect(Collectors.toUnmodifiableList());
    }

    /** What discovery found for one migration. */
    public Optional<MigrationScenarios> of(String migrationId) {
        return migrations.stream().filter(m -> m.migration().id().equals(migrationId)).findFirst();
    }

    /** The migrations and their scenarios, one per line. */
    public String describe() {
        StringBuilder text = new StringBuilder("Scenarios of the ").append(chain).append(" (").append(scenarios().size())
                .append(" in ").append(took.toMillis()).append(" ms):");
        for (MigrationScenarios migration : migrations) {
            text.append("\n  ").append(migration.migration().displayName());
            if (migration.scenarios().isEmpty()) {
                text.append(": none");
            }
            migration.scenarios().forEach(s -> text.append("\n    ").append(s.state().name()).append(" - ")
                    .append(s.state().description()));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
