package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The report of one test class: a section per server it ran on, each with the chain's migrations and
 * every check's outcome. Written as HTML and JSON whenever a section ends, so the files always hold every
 * server's run so far.
 */
final class ChainReport {

    private static final Map<Class<?>, ChainReport> REPORTS = new ConcurrentHashMap<>();

    private final Class<?> testClass;
    private final Path directory;
    private final List<Section> sections = new CopyOnWriteArrayList<>();

    private ChainReport(Class<?> testClass, Path directory) {
        this.testClass = testClass;
        this.directory = directory;
    }

    static ChainReport of(Class<?> testClass, Path directory) {
        return REPORTS.computeIfAbsent(testClass, c -> new ChainReport(c, directory));
    }

    Section section(String server, List<Migration> migrations) {
        Section section = new Section(server, List.copyOf(migrations));
        sections.add(section);
        return section;
    }

    String title() {
        return testClass.getSimpleName();
    }

    List<Section> sections() {
        return List.copyOf(sections);
    }

    /** The HTML file of the report. */
    Path html() {
        return directory.resolve(testClass.getSimpleName() + ".html");
    }

    synchronized void write() {
        try {
            Files.createDirectories(directory);
            Files.writeString(html(), HtmlReport.render(this));
            Files.writeString(directory.resolve(testClass.getSimpleName() + ".json"), JsonReport.render(this));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the migration report " + html().toAbsolutePath(), e);
        }
    }

    /** One server's run of the class; writes the report when the run ends. */
    final class Section implements AutoCloseable {
        private final String server;
        private final List<Migration> migrations;
        private final List<ReportEntry> entries = new CopyOnWriteArrayList<>();

        Section(String server, List<Migration> migrations) {
            this.server = server;
            this.migrations = migrations;
        }

        void add(ReportEntry entry) {
            entries.add(entry);
        }

        String server() {
            return server;
        }

        List<Migration> migrations() {
            return migrations;
        }

        List<ReportEntry> entries() {
            return List.copyOf(entries);
        }

        /** The entries of one migration: the tests whose name starts with its display name. */
        List<ReportEntry> of(Migration migration) {
            return entries.stream().filter(e -> owner(e).filter(migration::equals).isPresent()).toList();
        }

        /** The entries that belong to no single migration (clean install, rerun, drift). */
        List<ReportEntry> chainWide() {
            return entries.stream().filter(e -> owner(e).isEmpty()).toList();
        }

        private java.util.Optional<Migration> owner(ReportEntry entry) {
            Migration best = null;
            for (Migration m : migrations) {
                if ((entry.test().startsWith(m.displayName() + " ") || entry.test().contains(" " + m.id() + " ")
                        && entry.check().equals("broken states") || entry.profile()
                        .filter(p -> p.migrationId().equals(m.id())).isPresent())
                        && (best == null || m.displayName().length() > best.displayName().length())) {
                    best = m;
                }
            }
            return java.util.Optional.ofNullable(best);
        }

        @Override
        public void close() {
            write();
        }
    }

    static List<String> checks(Section section) {
        List<String> checks = new ArrayList<>();
        for (ReportEntry entry : section.entries()) {
            if (!checks.contains(entry.check())) {
                checks.add(entry.check());
            }
        }
        return checks;
    }
}
