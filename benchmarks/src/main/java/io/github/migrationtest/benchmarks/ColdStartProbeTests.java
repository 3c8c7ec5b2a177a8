package io.github.migrationtest.benchmarks;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The first test of a fresh JVM, for {@link ColdStartBenchmark}: it prints how long after the JVM's
 * start its body runs: the server started, the chain applied to a template (once) and cloned.
 */
@MigrationTest(flyway = "filesystem:" + ColdStartBenchmark.CHAIN, provider = "embedded")
public class ColdStartProbeTests {

    @Test
    void firstTest(@At("20") MigrationDatabase db) {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        db.execute("INSERT INTO table_1 (note) VALUES ('first')");
        System.out.println(ColdStartBenchmark.MARKER + millis);
    }
}
