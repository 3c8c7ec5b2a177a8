package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.LockMode;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.ProbeWait;
import io.github.migrationtest.core.profile.Rewrite;
import io.github.migrationtest.core.profile.RowCount;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML page (inline CSS, no script, nothing fetched): per server, the
 * chain-wide checks, then the chain as a timeline with one row per migration - its duration as a bar, the
 * strongest lock per table (coloured by what it blocks), rewrites, the longest probe wait, and every check's
 * result, failures expanded to their message and diagnosis.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330}
            h1{font-size:20px}h2{font-size:16px;margin-top:28px}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde;padding:6px 8px;
            text-align:left;vertical-align:top}th{background:#f3f4f8;font-weight:600}
            .bar{height:10px;background:#5b7bd5;border-radius:2px;min-width:2px}
            .lock{display:inline-block;padding:1px 6px;border-radius:3px;margin:1px;font-size:12px;white-space:nowrap}
            .none{background:#e3f4e5}.weak{background:#d8f0da}.medium{background:#fff1c2}.strong{background:#ffd6a8}
            .exclusive{background:#f7b4b4}
            .passed{color:#1f7a33}.failed{color:#b3261e;font-weight:600}.skipped{color:#7a6a1f}
            pre{white-space:pre-wrap;background:#f7f7fa;padding:8px;border-radius:4px;font-size:12px;margin:4px 0}
            details summary{cursor:pointer}.muted{color:#6b7080}
            """;

    private HtmlReport() {
    }

    static String render(ChainReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Migration report: ").append(escape(report.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>Migration report: ").append(escape(report.title())).append("</h1>\n");
        for (ChainReport.Section section : report.sections()) {
            section(html, section);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder html, ChainReport.Section section) {
        List<ReportEntry> entries = section.entries();
        long failed = entries.stream().filter(e -> e.status().equals("failed")).count();
        html.append("<h2>").append(escape(section.server())).append("</h2>\n<p class=\"muted\">")
                .append(section.migrations().size()).append(" migrations, ").append(entries.size()).append(" checks, ")
                .append(failed).append(" failed</p>\n");
        List<ReportEntry> chainWide = section.chainWide();
        if (!chainWide.isEmpty()) {
            html.append("<table class=\"chain-checks\"><tr><th>check</th><th>result</th></tr>\n");
            for (ReportEntry entry : chainWide) {
                html.append("<tr><td>").append(escape(entry.check())).append("</td><td>").append(result(entry))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        long longest = section.migrations().stream().map(m -> profile(section, m).map(p -> p.duration().toMillis())
                .orElse(0L)).max(Long::compare).orElse(0L);
        html.append("<h2>Timeline</h2>\n<table class=\"timeline\"><tr><th>migration</th><th>duration</th>"
                + "<th>strongest lock per table</th><th>rewrites</th><th>blocked probes</th><th>rows</th>"
                + "<th>checks</th></tr>\n");
        for (Migration migration : section.migrations()) {
            Optional<MigrationProfile> profile = profile(section, migration);
            html.append("<tr class=\"migration\" data-id=\"").append(escape(migration.id())).append("\"><td>")
                    .append(escape(migration.displayName())).append("</td><td>");
            profile.ifPresent(p -> html.append(p.duration().toMillis()).append(" ms<div class=\"bar\" style=\"width:")
                    .append(longest == 0 ? 0 : Math.max(1, p.duration().toMillis() * 100 / longest)).append("%\"></div>"));
            html.append("</td><td>");
            profile.ifPresent(p -> strongest(p).values().forEach(l -> html.append("<span class=\"lock ")
                    .append(severity(l.mode())).append("\" title=\"").append(escape(l.describe())).append("\">")
                    .append(escape(l.relation())).append(": ").append(l.mode().sqlName()).append(" ")
                    .append(l.held().toMillis()).append(" ms</span> ")));
            html.append("</td><td>");
            profile.ifPresent(p -> p.rewrites().stream().map(Rewrite::describe)
                    .forEach(r -> html.append(escape(r)).append("<br>")));
            html.append("</td><td>");
            profile.ifPresent(p -> {
                Duration read = longest(p, ProbeWait.Probe.READ);
                Duration write = longest(p, ProbeWait.Probe.WRITE);
                if (!p.probes().isEmpty()) {
                    html.append("reads ").append(read.toMillis()).append(" ms, writes ").append(write.toMillis())
                            .append(" ms");
                }
            });
            html.append("</td><td>");
            profile.ifPresent(p -> p.rows().stream().filter(RowCount::lostRows).forEach(r -> html.append("<span"
                    + " class=\"failed\">").append(escape(r.table())).append(": ").append(r.before()).append(" → ")
                    .append(r.after() < 0 ? "dropped" : Long.toString(r.after())).append("</span><br>")));
            html.append("</td><td>");
            for (ReportEntry entry : section.of(migration)) {
                html.append("<div><span class=\"muted\">").append(escape(entry.check())).append(":</span> ")
                        .append(result(entry)).append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String result(ReportEntry entry) {
        String label = "<span class=\"" + entry.status() + "\">" + entry.status() + "</span>";
        if (entry.message().isEmpty()) {
            return label;
        }
        return "<details" + (entry.status().equals("failed") ? " open" : "") + "><summary>" + label + "</summary><pre>"
                + escape(entry.message()) + "</pre></details>";
    }

    private static Optional<MigrationProfile> profile(ChainReport.Section section, Migration migration) {
        return section.of(migration).stream().flatMap(e -> e.profile().stream()).findFirst();
    }

    private static Map<String, LockHold> strongest(MigrationProfile profile) {
        Map<String, LockHold> strongest = new LinkedHashMap<>();
        for (LockHold lock : profile.locks()) {
            if (lock.kind().equals("table")) {
                strongest.merge(lock.relation(), lock, (a, b) -> b.mode().isStrongerThan(a.mode()) ? b : a);
            }
        }
        return strongest;
    }

    private static Duration longest(MigrationProfile profile, ProbeWait.Probe probe) {
        return profile.probes().stream().filter(w -> w.probe() == probe).map(ProbeWait::longest)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static String severity(LockMode mode) {
        if (mode == LockMode.ACCESS_EXCLUSIVE) {
            return "exclusive";
        }
        if (mode.blocksWrites()) {
            return "strong";
        }
        return mode == LockMode.SHARE_UPDATE_EXCLUSIVE ? "medium" : "weak";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
