package io.github.migrationtest.doctor.internal;

import io.github.migrationtest.doctor.DoctorFinding;
import io.github.migrationtest.doctor.DoctorReport;

/** The doctor's report as text for people and as JSON for tools. */
public final class ReportFormat {

    private ReportFormat() {
    }

    /** A summary line, then each finding: kind and subject, what is wrong, the fix. */
    public static String text(DoctorReport report) {
        StringBuilder text = new StringBuilder();
        int problems = report.problems().size();
        int notes = report.findings().size() - problems;
        text.append("migrationtest doctor: ").append(report.database()).append(" against the ")
                .append(report.chain()).append(" (recorded version: ").append(report.recordedVersion()).append(")\n")
                .append(problems == 0 ? "No problems" : problems + (problems == 1 ? " problem" : " problems"))
                .append(", ").append(notes).append(notes == 1 ? " note" : " notes").append(".\n");
        for (DoctorFinding finding : report.findings()) {
            text.append('\n').append(finding.isProblem() ? "PROBLEM " : "NOTE ").append(finding.kind()).append(": ")
                    .append(finding.subject()).append("\n  ").append(finding.problem().replace("\n", "\n  "))
                    .append("\n  fix: ").append(finding.fix().replace("\n", "\n  ")).append('\n');
        }
        return text.toString();
    }

    /** A JSON object: database, chain, recordedVersion, healthy, and the findings with kind, problem flag and text. */
    public static String json(DoctorReport report) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"database\": ").append(string(report.database())).append(",\n");
        json.append("  \"chain\": ").append(string(report.chain())).append(",\n");
        json.append("  \"recordedVersion\": ").append(string(report.recordedVersion())).append(",\n");
        json.append("  \"healthy\": ").append(report.isHealthy()).append(",\n");
        json.append("  \"findings\": [");
        for (int i = 0; i < report.findings().size(); i++) {
            DoctorFinding finding = report.findings().get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(string(finding.kind().name()))
                    .append(", \"problem\": ").append(finding.isProblem())
                    .append(", \"subject\": ").append(string(finding.subject()))
                    .append(", \"description\": ").append(string(finding.problem()))
                    .append(", \"fix\": ").append(string(finding.fix())).append('}');
        }
        json.append(report.findings().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
