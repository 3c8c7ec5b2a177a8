package io.github.migrationtest.core.internal.dump;

import io.github.migrationtest.core.server.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The local pg_dump (Debian's postgresql-client), run against a database of a test server. */
final class PgDump {

    private PgDump() {
    }

    /** pg_dump from PG_DUMP, /usr/bin or the PATH, if there is one. */
    static Optional<Path> executable() {
        Stream<Path> candidates = Stream.concat(
                Stream.concat(Optional.ofNullable(System.getenv("PG_DUMP")).map(Paths::get).stream(),
                        Stream.of(Paths.get("/usr/bin/pg_dump"))),
                Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(":"))
                        .filter(dir -> !dir.isEmpty()).map(dir -> Paths.get(dir, "pg_dump")));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** {@code pg_dump --version}, e.g. {@code pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)}. */
    static String version(Path pgDump) throws IOException, InterruptedException {
        return run(List.of(pgDump.toString(), "--version"), Optional.empty()).strip();
    }

    /** The dump pg_dump writes of a database with these options. */
    static String dump(Path pgDump, PostgresServer server, String database, String... options)
            throws IOException, InterruptedException {
        Path pgpass = Files.createTempFile("migrationtest-pgpass", "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pgpass, server.address().pgpassLine() + "\n");
            List<String> command = new ArrayList<>(List.of(pgDump.toString(), "-h", server.address().host(),
                    "-p", Integer.toString(server.address().port()), "-U", server.address().user()));
            command.addAll(List.of(options));
            command.add(database);
            return run(command, Optional.of(pgpass));
        } finally {
            Files.deleteIfExists(pgpass);
        }
    }

    private static String run(List<String> command, Optional<Path> pgpass) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        pgpass.ifPresent(file -> builder.environment().put("PGPASSFILE", file.toString()));
        builder.environment().remove("PGPASSWORD");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
