package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.List;
import java.util.Optional;

/** Failures that come from running in a transaction what does not belong in one, or as one. */
final class TransactionRules implements Rule {

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        String state = failure.sqlState().orElse("");
        String statement = failure.statement().map(s -> " (" + oneLine(s) + ")").orElse("");
        if (state.equals("25001")) {
            return Optional.of(new Finding(Diagnosis.CONCURRENTLY_IN_TRANSACTION,
                    "the statement" + statement + " cannot run inside a transaction block, and the engine ran the"
                            + " migration in one.", List.of(), evidence.isLiquibase()
                            ? "Give the statement a changeset of its own with runInTransaction=\"false\"."
                            : "Give the statement a migration of its own: Flyway then runs it outside a transaction"
                                    + " (or set executeInTransaction=false in a script configuration file beside it)."));
        }
        if (failure.kind() == MigrationFailure.Kind.ENGINE_ERROR
                && failure.engineMessage().contains("non-transactional statements")) {
            return Optional.of(new Finding(Diagnosis.CONCURRENTLY_IN_TRANSACTION,
                    "the migration mixes statements that need a transaction with ones that cannot run in one"
                            + " (CREATE INDEX CONCURRENTLY), so Flyway refuses it.", List.of(),
                    "Move the statements that cannot run in a transaction into a migration of their own"
                            + " (flyway.mixed=true would run the whole migration without a transaction, and a"
                            + " failure half way would leave it half applied)."));
        }
        if (state.equals("25P02")) {
            List<String> earlier = failure.engineMessage().lines().map(String::strip)
                    .filter(l -> l.startsWith("ERROR: ") && !l.contains("current transaction is aborted"))
                    .map(l -> "the error that was swallowed: " + l.substring("ERROR: ".length())).toList();
            return Optional.of(new Finding(Diagnosis.ERROR_SWALLOWED_IN_TRANSACTION,
                    "an earlier statement in the same transaction failed and its error was caught and ignored;"
                            + " PostgreSQL then refuses every further statement until the transaction ends, so the"
                            + " statement reported here" + statement + " is innocent.", earlier,
                    "Do not catch SQL errors inside a migration to carry on: make the earlier statement safe instead"
                            + " (IF NOT EXISTS, ADD VALUE IF NOT EXISTS), or run it in a DO block with an EXCEPTION"
                            + " clause, or behind a SAVEPOINT that you roll back to."));
        }
        if (state.equals("55P04")) {
            return Optional.of(new Finding(Diagnosis.NEW_ENUM_VALUE_USED_IN_SAME_TRANSACTION,
                    "the statement" + statement + " uses an enum value that was added in the same transaction;"
                            + " PostgreSQL allows that only after the value is committed.", List.of(),
                    "Add the value (ALTER TYPE ... ADD VALUE IF NOT EXISTS) in a migration of its own, and use it in"
                            + " a later one."));
        }
        return Optional.empty();
    }

    private static String oneLine(String statement) {
        String line = statement.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
