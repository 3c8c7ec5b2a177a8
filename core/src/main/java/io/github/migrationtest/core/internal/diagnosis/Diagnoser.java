package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Attaches a {@link Finding} to a failed run whose failure matches a known cause. The rules read
 * the failure's facts (SQLSTATE, message, statement, waits) and query the database for evidence;
 * they never change it.
 */
public final class Diagnoser {

    private static final List<Rule> RULES = List.of(
            new InvalidIndexRule(),
            new ExistingObjectRule(),
            new EnumLabelRule(),
            new HistoryRules(),
            new EnumValuesRule(),
            new NotNullRule(),
            new DuplicatesRule(),
            new OrphansRule(),
            new CheckRowsRule(),
            new TypeChangeRule(),
            new MissingSchemaRule(),
            new DroppedObjectRule(),
            new PrerequisiteRule(),
            new TransactionRules(),
            new LockRules());

    private Diagnoser() {
    }

    /**
     * The result with its failure diagnosed; unchanged if it succeeded, is diagnosed already, or
     * matches no known cause.
     *
     * @param result the run's result
     * @param chain the chain that ran
     * @param database the database it ran against, for evidence
     */
    public static MigrationResult diagnose(MigrationResult result, MigrationChain chain, DataSource database) {
        if (result.failure().isEmpty() || result.failure().get().finding().isPresent()) {
            return result;
        }
        MigrationFailure failure = result.failure().get();
        Evidence evidence = new Evidence(chain, database);
        for (Rule rule : RULES) {
            Optional<Finding> finding = rule.diagnose(failure, evidence);
            if (finding.isPresent()) {
                return new MigrationResult(result.applied(), Optional.of(failure.withFinding(finding.get())),
                        result.duration());
            }
        }
        return result;
    }
}
