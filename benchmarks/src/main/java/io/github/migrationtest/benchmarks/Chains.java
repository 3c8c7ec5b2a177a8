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

    /**
     * Where the suite benchmarks put the migration that is not safe to run again: a column step (the second of
     * each five) about a third along the chain.
     */
    static int notIdempotentAt(int count) {
        return Math.max(2, count / 3 - (count / 3 - 2) % 5);
    }

    /** Where the suite benchmarks put the leaky undo: an index step (the third of each five) two thirds along. */
    static int leakyUndoAt(int count) {
        return Math.max(3, 2 * count / 3 - (2 * count / 3 - 3) % 5);
    }

    /**
     * A chain of {@code count} migrations in the shape of a real one, each with its undo script and safe
     * to run again, in repeating steps: a table, a column, an index, an enum with a column, a VARCHAR
     * column cast to an enum (legacy values mapped first). Two migrations carry deliberate defects:
     * {@code notIdempotent} adds its column without IF NOT EXISTS, and the undo of {@code leakyUndo}
     * forgets to drop its index.
     */
    static void contractChain(Path directory, int count, int notIdempotent, int leakyUndo) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> old = Files.list(directory)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (int i = 1; i <= count; i++) {
            int table = i - (i - 1) % 5;
            String t = "t_" + table;
            String up;
            String down;
            switch ((i - 1) % 5) {
                case 0 -> {
                    up = "CREATE TABLE IF NOT EXISTS " + t + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            + " name text NOT NULL, kind varchar(20), created_at timestamptz NOT NULL DEFAULT now());";
                    down = "DROP TABLE " + t + ";";
                }
                case 1 -> {
                    up = "ALTER TABLE " + t + " ADD COLUMN " + (i == notIdempotent ? "" : "IF NOT EXISTS ")
                            + "note_" + i + " text;";
                    down = "ALTER TABLE " + t + " DROP COLUMN note_" + i + ";";
                }
                case 2 -> {
                    up = "CREATE INDEX IF NOT EXISTS " + t + "_created_" + i + " ON " + t + " (created_at);";
                    down = i == leakyUndo ? "SELECT 1; -- forgets the index" : "DROP INDEX " + t + "_created_" + i + ";";
                }
                case 3 -> {
                    up = guardedEnum("status_" + i, "'active', 'paused', 'closed'")
                            + "ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS status status_" + i
                            + " NOT NULL DEFAULT 'active';";
                    down = "ALTER TABLE " + t + " DROP COLUMN status;\nDROP TYPE status_" + i + ";";
                }
                default -> {
                    up = guardedEnum("kind_" + i, "'retail', 'wholesale', 'other'")
                            + "UPDATE " + t + " SET kind = 'other' WHERE kind::text NOT IN ('retail', 'wholesale', 'other');\n"
                            + "ALTER TABLE " + t + " ALTER COLUMN kind TYPE kind_" + i + " USING kind::text::kind_" + i + ";";
                    down = "ALTER TABLE " + t + " ALTER COLUMN kind TYPE varchar(20) USING kind::text;\n"
                            + "DROP TYPE kind_" + i + ";";
                }
            }
            Files.writeString(directory.resolve("V" + i + "__step_" + i + ".sql"), up + "\n");
            Files.writeString(directory.resolve("U" + i + "__step_" + i + ".sql"), down + "\n");
        }
    }

    private static String guardedEnum(String name, String labels) {
        return "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '" + name + "') THEN CREATE TYPE "
                + name + " AS ENUM (" + labels + "); END IF; END $$;\n";
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
