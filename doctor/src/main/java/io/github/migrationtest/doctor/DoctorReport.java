package io.github.migrationtest.doctor;

import io.github.migrationtest.doctor.internal.ReportFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the doctor found on a live database for a chain.
 *
 * @param database the database examined, without credentials
 * @param chain the chain, e.g. {@code Flyway chain classpath:db/migration}
 * @param recordedVersion the last migration of the chain the history records as applied, or {@code none}
 * @param findings the findings, problems first in the order of the checks, then notes
 */
public record DoctorReport(String database, String chain, String recordedVersion, List<DoctorFinding> findings) {

    /** Validates and copies the components. */
    public DoctorReport {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(recordedVersion, "recordedVersion");
        findings = List.copyOf(findings);
    }

    /** The findings that are problems. */
    public List<DoctorFinding> problems() {
        return findings.stream().filter(DoctorFinding::isProblem).toList();
    }

    /** The findings of one kind. */
    public List<DoctorFinding> findings(DoctorFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Whether a deploy would meet no problem (pending migrations are notes, not problems). */
    public boolean isHealthy() {
        return problems().isEmpty();
    }

    /** The report as text for a person: a summary line, then each finding with its fix. */
    public String text() {
        return ReportFormat.text(this);
    }

    /** The report as a JSON object, for CI tools. */
    public String json() {
        return ReportFormat.json(this);
    }

    @Override
    public String toString() {
        return text();
    }
}
