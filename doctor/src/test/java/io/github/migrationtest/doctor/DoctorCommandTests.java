package io.github.migrationtest.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.doctor.cli.DoctorCommand;
import io.github.migrationtest.scenarios.BrokenStates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as a CI job runs it: a JVM of its own, the password in the environment, the exit code. */
class DoctorCommandTests {

    @Test
    void exitsZeroWhenADeployWouldOnlyApplyPendingMigrations() throws Exception {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("2");

            Run run = doctor(db, "--format", "text");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.HEALTHY);
            assertThat(run.output()).contains("No problems, 1 note.").contains("NOTE PENDING: migration 3");
        }
    }

    @Test
    void exitsOneWithTheFindingsAsJsonWhenADeployWouldFail() throws Exception {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("1");
            db.seed(BrokenStates.enumCreatedButUnrecorded("2"));

            Run run = doctor(db, "--format", "json");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.PROBLEMS);
            assertThat(run.output()).contains("\"healthy\": false").contains("\"kind\": \"OBJECT_ALREADY_EXISTS\"")
                    .doesNotContain(LiveDatabases.PASSWORD);
        }
    }

    @Test
    void exitsTwoWithUsageOnAMissingChainAndWithTheReasonOnAWrongPassword() throws Exception {
        try (MigrationDatabase db = LiveDatabases.create()) {
            Run usage = run(List.of("--url", db.jdbcUrl()), Optional.empty());
            Run refused = run(List.of("--url", db.jdbcUrl(), "--user", LiveDatabases.USER, "--flyway",
                    "classpath:doctor/chain", "--scratch-provider", "embedded"), Optional.of("not-the-password"));

            assertThat(usage.exitCode()).isEqualTo(DoctorCommand.ERROR);
            assertThat(usage.output()).contains("Name the chain once: --flyway <location> or --liquibase <changelog>.")
                    .contains("Usage: DoctorCommand");
            assertThat(refused.exitCode()).isEqualTo(DoctorCommand.ERROR);
            assertThat(refused.output()).contains("could not connect to " + db.jdbcUrl())
                    .contains("password authentication failed").doesNotContain("not-the-password");
        }
    }

    private static Run doctor(MigrationDatabase db, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--url", db.jdbcUrl(), "--user", LiveDatabases.USER,
                "--flyway", "classpath:doctor/chain", "--scratch-provider", "embedded"));
        args.addAll(List.of(more));
        return run(args, Optional.of(LiveDatabases.PASSWORD));
    }

    private static Run run(List<String> args, Optional<String> password) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath));
        Optional.ofNullable(System.getProperty("migrationtest.embedded.binaries"))
                .ifPresent(binaries -> command.add("-Dmigrationtest.embedded.binaries=" + binaries));
        command.add(DoctorCommand.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        password.ifPresent(p -> builder.environment().put("PGPASSWORD", p));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The doctor did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
