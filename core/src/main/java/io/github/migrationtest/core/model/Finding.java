package io.github.migrationtest.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A failure matched to a known cause: what happened in plain words, the evidence read from the
 * database, and how to fix the migration.
 *
 * @param diagnosis the known cause
 * @param explanation what happened, in terms of this failure (names the objects involved)
 * @param evidence facts queried from the database that support the diagnosis, e.g. offending values
 * @param fix what to change, with code where it helps
 */
public record Finding(Diagnosis diagnosis, String explanation, List<String> evidence, String fix) {

    /** Validates and copies the components. */
    public Finding {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(explanation, "explanation");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
    }

    /** The finding as text: diagnosis, explanation, evidence, fix. */
    public String describe() {
        StringBuilder text = new StringBuilder("diagnosis: ").append(diagnosis).append(" - ").append(explanation);
        evidence.forEach(e -> text.append("\n  ").append(e));
        return text.append("\nfix: ").append(fix).toString();
    }
}
