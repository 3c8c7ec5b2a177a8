package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server killed mid-run: the next test says so once, with its log; the rest fail fast. Runs in a JVM of its own. */
class ServerDeathTests {

    @Test
    void aKilledEmbeddedServerIsReportedOnceWithItsLogAndTheRestFailFast() throws Exception {
        String output = ChildJvm.run(ServerKilledTestCases.class, entry -> false, Map.of(), List.of(), List.of(),
                AllFailuresLauncher.class);
        List<String> failures = output.lines().filter(l -> l.startsWith(AllFailuresLauncher.MARKER))
                .map(l -> l.substring(AllFailuresLauncher.MARKER.length()).replace("\\n", "\n")).toList();

        assertThat(failures).as(output).hasSize(3);
        assertThat(failures.get(0)).matches("(?s)The embedded PostgreSQL 17\\.\\d+ server at 127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\)"
                + " is gone: it exited with code 137 \\(killed by signal 9\\) while the tests ran, so this and the"
                + " remaining tests on it cannot get a database\\. The last lines of its log \\(/.*/postgres\\.log\\):\n.*UTC \\[\\d+\\].+");
        for (String later : failures.subList(1, 3)) {
            assertThat(later).matches("The embedded PostgreSQL 17\\.\\d+ server at 127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\) died"
                    + " earlier in this run \\(see the first failure for its log\\); this test did not run\\.");
        }
    }
}
