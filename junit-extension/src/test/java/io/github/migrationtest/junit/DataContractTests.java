package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The data check turns each migration that is unsafe for data red, naming the cause; the safe chain is green. */
class DataContractTests {

    @Test
    void eachUnsafeMigrationIsRedWithItsDiagnosisOrProfileLine() throws Exception {
        Map<String, String> outcomes = outcomes(EngineRuns.run(DataContractTestCases.Unsafe.class));

        assertThat(outcomes.get("1 \"create tables\" (V1__create_tables.sql) applies to a populated database"))
                .isEqualTo("SUCCESSFUL");
        // (a) a varchar to enum cast meets legacy values
        assertThat(outcomes.get("2 \"plan enum\" (V2__plan_enum.sql) applies to a populated database"))
                .startsWith("FAILED: 2 \"plan enum\" (V2__plan_enum.sql) fails on a populated database")
                .contains("diagnosis: VALUES_OUTSIDE_ENUM_LABELS", "'Free' in ", "'default' in ");
        // (b) NOT NULL column added without a default
        assertThat(outcomes.get("3 \"customer region\" (V3__customer_region.sql) applies to a populated database"))
                .contains("ERROR 23502", "diagnosis: NULLS_IN_NOT_NULL_COLUMN", "customers has 201 row(s); each would"
                        + " hold NULL in the new column region", "fix: Add the column with a DEFAULT");
        // (c) unique index over duplicates
        assertThat(outcomes.get("4 \"unique email\" (V4__unique_email.sql) applies to a populated database"))
                .contains("ERROR 23505", "diagnosis: DUPLICATES_UNDER_UNIQUE", "value(s) of (email) held by more than"
                        + " one row:", "fix: Deduplicate first");
        // (d) CHECK over violating rows
        assertThat(outcomes.get("5 \"positive amount\" (V5__positive_amount.sql) applies to a populated database"))
                .contains("ERROR 23514", "diagnosis: ROWS_VIOLATE_CHECK", "row(s) that violate CHECK (amount > 0)",
                        "\"amount\":-1", "NOT VALID");
        // (e) ALTER COLUMN TYPE rewrites a large table
        assertThat(outcomes.get("6 \"widen seen\" (V6__widen_seen.sql) applies to a populated database"))
                .contains("exceeds the lock budget", "table public.events (100000 rows) rewritten under ACCESS"
                        + " EXCLUSIVE by ALTER TABLE events ALTER COLUMN seen TYPE bigint", "Safer: add a new column");
        // (f) CREATE INDEX without CONCURRENTLY locks a large table
        assertThat(outcomes.get("7 \"index kind\" (V7__index_kind.sql) applies to a populated database"))
                .contains("table public.events (100000 rows): SHARE held for ", "blocking writes (budget 0 ms),"
                        + " taken by CREATE INDEX events_kind_idx ON events (kind)", "Safer: CREATE INDEX CONCURRENTLY");
        // (f) again, as a user writes it: the profile line names the lock, the table and the statement
        assertThat(outcomes.get("indexesEventsWithoutBlockingWrites(DataChecks)")).startsWith("FAILED: Expecting"
                + " migration 7 \"index kind\" (V7__index_kind.sql) to take no lock stronger than SHARE UPDATE"
                + " EXCLUSIVE on events, but it took:\n  SHARE on table public.events for ")
                .endsWith(" ms (CREATE INDEX events_kind_idx ON events (kind))");
        assertThat(outcomes).hasSize(8);

        Path report = Path.of("target", "migrationtest", "Unsafe.html");
        assertThat(Files.readString(report)).contains("<tr class=\"migration\" data-id=\"7\">",
                "public.events: SHARE");
        assertThat(Files.readString(Path.of("target", "migrationtest", "Unsafe.json")))
                .contains("\"id\": \"6\"", "\"rewrites\": [{\"relation\": \"public.events\"");
        rendersInChromium(report, 7);
    }

    @Test
    void theSameChainWrittenSafelyIsGreen() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(DataContractTestCases.Safe.class));

        assertThat(outcomes).hasSize(9).allSatisfy((test, outcome) -> assertThat(outcome).as(test)
                .isEqualTo("SUCCESSFUL"));
        assertThat(outcomes).containsKey("7 \"index kind\" (V7__index_kind.sql) applies to a populated database");
    }

    /** Opens the report in headless Chromium: it renders, without errors, one row per migration. */
    private static void rendersInChromium(Path report, int migrations) throws IOException, InterruptedException {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeThat(Files.isExecutable(chromium)).as("Debian's chromium package (apt-get install -y chromium)").isTrue();
        Path profile = Files.createTempDirectory("migrationtest-chromium");
        Path screenshot = report.resolveSibling(report.getFileName().toString().replace(".html", ".png"));
        List<String> flags = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-logging=stderr",
                "--user-data-dir=" + profile, "--window-size=1400,2600");
        String dom = chromium(chromium, flags, "--dump-dom", report);
        List<String> shot = new ArrayList<>(flags);
        shot.add("--screenshot=" + screenshot.toAbsolutePath());
        chromium(chromium, shot, null, report);

        assertThat(dom).contains("<h1>Migration report: Unsafe</h1>");
        assertThat(dom.split("<tr class=\"migration\"", -1)).hasSize(migrations + 1);
        assertThat(dom).contains("VALUES_OUTSIDE_ENUM_LABELS", "NULLS_IN_NOT_NULL_COLUMN");
        assertThat(screenshot).isNotEmptyFile();
        System.err.println("[migrationtest] report screenshot: " + screenshot.toAbsolutePath());
    }

    private static String chromium(Path chromium, List<String> flags, String mode, Path report)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(flags);
        if (mode != null) {
            command.add(mode);
        }
        command.add(report.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + Files.readString(err));
        }
        String log = Files.readString(err);
        assertThat(process.exitValue()).as("chromium exit code; its log:\n" + log).isZero();
        assertThat(log).as("Chromium's console").doesNotContain("Uncaught", "CONSOLE(");
        return Files.readString(out);
    }

    static Map<String, String> outcomes(EngineExecutionResults results) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Event event : results.testEvents().list()) {
            if (event.getType() == EventType.FINISHED) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                outcomes.put(event.getTestDescriptor().getDisplayName(), result.getStatus()
                        + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
            }
        }
        return outcomes;
    }
}
