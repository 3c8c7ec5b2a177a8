package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.core.internal.diagnosis.Diagnoser;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way a chain runs against a database: on connections named {@link ApplicationNames#ENGINE}, within the
 * time limit (cut by {@link TimeLimitedRun}, which ends those connections' sessions and reports what they waited
 * on), and, where it fails, diagnosed. Migrations, rollbacks, template builds and concurrent migrators all go
 * through it, so each of them is named, limited and diagnosed alike.
 */
public final class RunPipeline {

    private final MigrationChain chain;
    private final PostgresServer server;
    private final String database;
    private final Duration limit;

    /**
     * A pipeline for one database.
     *
     * @param chain the chain to run
     * @param server the server the database lives on
     * @param database the database's name
     * @param limit the time limit of each run
     */
    public RunPipeline(MigrationChain chain, PostgresServer server, String database, Duration limit) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.server = Objects.requireNonNull(server, "server");
        this.database = Objects.requireNonNull(database, "database");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** A pipeline for one of this JVM's databases. */
    public static RunPipeline of(MigrationChain chain, DisposableDatabase database, Duration limit) {
        return new RunPipeline(chain, database.server(), database.name(), limit);
    }

    /**
     * Applies the pending migrations, up to and including {@code target} when one is given.
     *
     * @throws MigrationTestConfigurationException if the target is not a migration of the chain
     */
    public MigrationResult migrate(Optional<String> target) {
        return run(engine -> chain.migrate(engine, target));
    }

    /** Undoes the newest applied migration; see {@link MigrationChain#rollbackLast(DataSource)}. */
    public MigrationResult rollbackLast() {
        return run(chain::rollbackLast);
    }

    /**
     * Undoes every migration applied after {@code target}; see {@link MigrationChain#rollbackTo(DataSource, String)}.
     *
     * @throws MigrationTestException if the target is not applied
     */
    public MigrationResult rollbackTo(String target) {
        return run(engine -> chain.rollbackTo(engine, target));
    }

    /**
     * Runs any operation of the engine on the engine's connections, within the time limit; a failed result comes
     * back with a diagnosis where it matches a known cause.
     */
    public MigrationResult run(EngineOperation operation) {
        DataSource engine = server.address().dataSource(database, ApplicationNames.ENGINE);
        MigrationResult result = TimeLimitedRun.run(server, database, limit, () -> operation.run(engine));
        return Diagnoser.diagnose(result, chain, server.address().dataSource(database, ApplicationNames.DIAGNOSIS));
    }

    /** An operation of the engine on a database, e.g. {@code engine -> chain.migrate(engine, Optional.empty())}. */
    @FunctionalInterface
    public interface EngineOperation {

        /**
         * Runs the operation.
         *
         * @param engine the database, on connections the time limit can end
         * @return what the engine did; a failure is part of the result, not an exception
         * @throws Exception if the operation cannot run at all
         */
        MigrationResult run(DataSource engine) throws Exception;
    }
}
