package io.github.migrationtest.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Generated Flyway chains for the benchmarks. */
final class Chains {

    private Chains() {
    }

    /** A chain of {@code count} migrations, each creating a table with an index. */
    static Path tables(int count) throws IOException {
        Path directory = Files.createTempDirectory("migrationtest-bench-chain");
        for (int i = 1; i <= count; i++) {
            Files.writeString(directory.resolve("V" + i + "__create_table_" + i + ".sql"),
                    "CREATE TABLE table_" + i + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text,"
                            + " created_at timestamptz NOT NULL DEFAULT now());\n"
                            + "CREATE INDEX table_" + i + "_created_at ON table_" + i + " (created_at);\n");
        }
        return directory;
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
