package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.ProbeWait;
import io.github.migrationtest.core.profile.Rewrite;
import io.github.migrationtest.core.profile.RowCount;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report's facts as JSON: per server, the migrations with their profiles and every check's outcome. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(ChainReport report) {
        return "{\"testClass\": " + string(report.title()) + ", \"servers\": " + array(report.sections(),
                JsonReport::section) + "}\n";
    }

    private static String section(ChainReport.Section section) {
        return "{\"server\": " + string(section.server()) + ", \"chainChecks\": " + array(section.chainWide(),
                JsonReport::entry) + ", \"migrations\": " + array(section.migrations(), m -> migration(section, m)) + "}";
    }

    private static String migration(ChainReport.Section section, Migration migration) {
        List<ReportEntry> entries = section.of(migration);
        String profile = entries.stream().flatMap(e -> e.profile().stream()).findFirst().map(JsonReport::profile)
                .orElse("null");
        return "{\"id\": " + string(migration.id()) + ", \"name\": " + string(migration.displayName())
                + ", \"profile\": " + profile + ", \"checks\": " + array(entries, JsonReport::entry) + "}";
    }

    private static String entry(ReportEntry entry) {
        return "{\"check\": " + string(entry.check()) + ", \"test\": " + string(entry.test()) + ", \"status\": "
                + string(entry.status()) + ", \"millis\": " + entry.millis() + ", \"message\": "
                + string(entry.message()) + "}";
    }

    private static String profile(MigrationProfile p) {
        return "{\"millis\": " + p.duration().toMillis() + ", \"succeeded\": " + p.succeeded() + ", \"locks\": "
                + array(p.locks(), JsonReport::lock) + ", \"rewrites\": " + array(p.rewrites(), JsonReport::rewrite)
                + ", \"probes\": " + array(p.probes(), JsonReport::probe) + ", \"rows\": " + array(p.rows(),
                JsonReport::rows) + "}";
    }

    private static String lock(LockHold l) {
        return "{\"relation\": " + string(l.relation()) + ", \"kind\": " + string(l.kind()) + ", \"mode\": "
                + string(l.mode().sqlName()) + ", \"heldMillis\": " + l.held().toMillis() + ", \"statement\": "
                + string(l.statement()) + "}";
    }

    private static String rewrite(Rewrite r) {
        return "{\"relation\": " + string(r.relation()) + ", \"kind\": " + string(r.kind()) + ", \"rows\": "
                + r.rows() + "}";
    }

    private static String probe(ProbeWait w) {
        return "{\"table\": " + string(w.table()) + ", \"probe\": " + string(w.probe().name()) + ", \"longestMillis\": "
                + w.longest().toMillis() + ", \"attempts\": " + w.attempts() + "}";
    }

    private static String rows(RowCount r) {
        return "{\"table\": " + string(r.table()) + ", \"before\": " + r.before() + ", \"after\": " + r.after() + "}";
    }

    private static <T> String array(List<T> items, Function<T, String> render) {
        return items.stream().map(render).collect(Collectors.joining(", ", "[", "]"));
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
