package io.github.migrationtest.doctor;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * "Live" databases for the doctor's tests: databases of the embedded PostgreSQL 17, put into the states
 * production ends up in, and reached by the doctor as a login role of its own, the way a CI job would.
 */
final class LiveDatabases {

    static final FlywayChain CHAIN = FlywayChain.builder().locations("classpath:doctor/chain").build();
    static final String USER = "mt_doctor_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private static boolean userCreated;

    private LiveDatabases() {
    }

    static PostgresServer server() {
        return PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
    }

    /** A new empty database with the chain bound; closing it drops it. */
    static MigrationDatabase create() {
        MigrationDatabase database = TestDatabases.database(CHAIN, Duration.ofMinutes(2));
        createUser(database);
        return database;
    }

    /** The database as the doctor reaches it: a superuser login of its own, so only read-only sessions stop writes. */
    static LiveDatabase live(MigrationDatabase database) {
        return LiveDatabase.of(database.jdbcUrl(), USER, PASSWORD);
    }

    static Doctor doctor() {
        return Doctor.of(CHAIN, server());
    }

    private static synchronized void createUser(MigrationDatabase database) {
        if (!userCreated) {
            database.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
            userCreated = true;
        }
    }
}
