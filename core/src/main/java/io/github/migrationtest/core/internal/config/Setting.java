package io.github.migrationtest.core.internal.config;

import java.util.Locale;

/**
 * A setting of migrationtest: its property key, environment variable, default and meaning.
 *
 * <p>The same key is used everywhere: {@code -Dmigrationtest.provider=embedded}, the environment
 * variable {@code MIGRATIONTEST_PROVIDER=embedded}, a line {@code migrationtest.provider=embedded}
 * in {@code migrationtest.properties} on the test class path, or the matching annotation attribute.
 */
public enum Setting {

    /** Where PostgreSQL comes from: {@code auto}, {@code docker}, {@code embedded} or {@code external}. */
    PROVIDER("migrationtest.provider", "auto",
            "Where PostgreSQL comes from: auto (docker if a Docker API answers, else embedded), docker, embedded, external."),

    /** The PostgreSQL major versions to test against, comma separated. */
    POSTGRES("migrationtest.postgres", "17",
            "PostgreSQL major version(s), comma separated; each test runs once per version."),

    /** Docker image; {@code {major}} is replaced by the major version. */
    DOCKER_IMAGE("migrationtest.docker.image", "postgres:{major}",
            "Docker image for the docker provider; {major} stands for the major version."),

    /** A directory holding PostgreSQL server binaries ({@code bin/postgres}, {@code bin/initdb}). */
    EMBEDDED_BINARIES("migrationtest.embedded.binaries", "",
            "Directory with PostgreSQL binaries (bin/initdb, bin/postgres) for the embedded provider; "
                    + "by default the io.zonky.test.postgres binaries on the class path or a local install."),

    /** The operating-system account the embedded server runs as when the JVM runs as root. */
    EMBEDDED_OS_USER("migrationtest.embedded.os-user", "nobody",
            "Unprivileged account the embedded server runs as when the JVM runs as root (PostgreSQL refuses root)."),

    /** Where embedded servers keep their data: {@code auto} (RAM if available) or a directory. */
    EMBEDDED_DATA_DIRECTORY("migrationtest.embedded.data-directory", "auto",
            "Where embedded servers keep their data: auto (/dev/shm when it has 2 GiB free: clones are ~10x faster"
                    + " in RAM, else the temp directory) or a directory."),

    /** JDBC URL of an external server; the framework only touches databases it creates there. */
    EXTERNAL_URL("migrationtest.external.url", "",
            "JDBC URL of a server you run (jdbc:postgresql://host:5432/postgres); needs CREATEDB."),

    /** User for the external server. */
    EXTERNAL_USER("migrationtest.external.user", "postgres", "User for the external server."),

    /** Password for the external server; never printed. */
    EXTERNAL_PASSWORD("migrationtest.external.password", "",
            "Password for the external server (never printed); give it as MIGRATIONTEST_EXTERNAL_PASSWORD or in a"
                    + " password file rather than with -D (see docs/security.md)."),

    /** A file whose first line is the password for the external server. */
    EXTERNAL_PASSWORD_FILE("migrationtest.external.password-file", "",
            "File whose first line is the password for the external server (e.g. a CI secret file)."),

    /** Keep the database of a failed test and print how to connect to it. */
    KEEP_FAILED("migrationtest.keep-failed", "false",
            "Keep a failed test's database (and its server) and print how to connect to it."),

    /** Rewrite committed schema snapshot files instead of comparing with them. */
    UPDATE_SNAPSHOTS("migrationtest.update-snapshots", "false",
            "Rewrite committed schema snapshot files (matchesSnapshot) instead of comparing with them; review and commit."),

    /** The time limit for reaching a server: TCP connect, then its answer to the login. */
    CONNECT_TIMEOUT("migrationtest.connect-timeout", "10s",
            "Time limit for opening a connection (TCP connect and login, e.g. 5s); a server that accepts but does not"
                    + " answer fails the run within it, naming host and port."),

    /** SQL scripts that run in every empty database before the chain: what the platform provides. */
    PREPARE("migrationtest.prepare", "",
            "SQL scripts (classpath:prepare.sql, filesystem:path; comma separated) that run, in order, in every"
                    + " database before the chain: the extensions, schemas and grants the platform provides."),

    /** Cluster-wide roles the chain expects, created once per server where missing. */
    PREPARE_ROLES("migrationtest.prepare.roles", "",
            "Roles the chain GRANTs to or sets as owner (comma separated), created once per server (NOLOGIN)"
                    + " where missing."),

    /** The time limit of one migration run. */
    MIGRATION_TIMEOUT("migrationtest.migration-timeout", "5m",
            "Time limit of one migration run (e.g. 30s, 5m, PT2M); a run that exceeds it fails with what it waited on."),

    /** This CI job's share of the standard suite's per-migration tests: {@code K/N}, job K of N. */
    SHARD("migrationtest.shard", "1/1",
            "This job's share of the standard suite's per-migration tests, K/N (job K of N, e.g. 2/8): the K-th of N"
                    + " contiguous ranges of the chain's migrations; see docs/suite.md.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The property key, e.g. {@code migrationtest.provider}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code MIGRATIONTEST_PROVIDER}. */
    public String environmentVariable() {
        return environmentVariableOf(key);
    }

    /** The value used when no source sets the key; empty for "not set". */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the setting does, in one sentence. */
    public String description() {
        return description;
    }

    static String environmentVariableOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
