package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.EngineHistory;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A chain together with the {@link Preparation} its databases get before it runs. It runs exactly as the
 * chain does; the template cache builds its states on a prepared database, and its settings (hence the
 * template fingerprint) include the preparation's.
 */
public final class PreparedChain implements MigrationChain {

    private final MigrationChain chain;
    private final Preparation preparation;

    private PreparedChain(MigrationChain chain, Preparation preparation) {
        this.chain = chain;
        this.preparation = preparation;
    }

    /** The chain with its preparation; the chain itself where there is nothing to prepare. */
    public static MigrationChain of(MigrationChain chain, Preparation preparation) {
        Objects.requireNonNull(chain, "chain");
        if (preparation.isEmpty()) {
            return chain;
        }
        MigrationChain unprepared = chain instanceof PreparedChain prepared ? prepared.chain : chain;
        return new PreparedChain(unprepared, preparation);
    }

    /** The preparation of any chain: what it was given, or {@link Preparation#NONE}. */
    public static Preparation preparationOf(MigrationChain chain) {
        return chain instanceof PreparedChain prepared ? prepared.preparation : Preparation.NONE;
    }

    @Override
    public String engine() {
        return chain.engine();
    }

    @Override
    public String description() {
        return chain.description();
    }

    @Override
    public String settings() {
        return chain.settings() + "\npreparation=" + preparation.fingerprint();
    }

    @Override
    public void validate() {
        chain.validate();
    }

    @Override
    public List<Migration> migrations(DataSource database) {
        return chain.migrations(database);
    }

    @Override
    public String targetOf(Migration migration) {
        return chain.targetOf(migration);
    }

    @Override
    public boolean isNamedBy(Migration migration, String target) {
        return chain.isNamedBy(migration, target);
    }

    @Override
    public MigrationResult migrate(DataSource database, Optional<String> target) {
        return chain.migrate(database, target);
    }

    @Override
    public void initializeHistory(DataSource database) {
        chain.initializeHistory(database);
    }

    @Override
    public List<HistoryEntry> history(DataSource database) {
        return chain.history(database);
    }

    @Override
    public EngineHistory engineHistory() {
        return chain.engineHistory();
    }

    @Override
    public Engine kind() {
        return chain.kind();
    }

    @Override
    public Optional<String> sql(Migration migration) {
        return chain.sql(migration);
    }

    @Override
    public MigrationResult rollbackLast(DataSource database) {
        return chain.rollbackLast(database);
    }

    @Override
    public MigrationResult rollbackTo(DataSource database, String target) {
        return chain.rollbackTo(database, target);
    }

    @Override
    public String toString() {
        return description() + " (prepared: " + preparation.describe() + ")";
    }
}
