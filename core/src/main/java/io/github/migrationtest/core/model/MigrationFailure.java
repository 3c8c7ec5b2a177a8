package io.github.migrationtest.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a migration run stopped: the migration, the statement and everything the server said.
 *
 * @param kind what kind of failure this is
 * @param migration the migration that failed, when the engine got as far as one
 * @param statement the statement the server rejected, when the engine reports it
 * @param sqlState the SQLSTATE, e.g. {@code 42710} for "type already exists"
 * @param message the server's (or engine's) message, never blank
 * @param detail the server's DETAIL, if any
 * @param hint the server's HINT, if any
 * @param position the character position of the error in the statement, if the server gives one
 * @param waits for a run stopped by its time limit: the active sessions of the database, what each
 *     waited on, and who blocked it; empty otherwise
 * @param engineMessage the engine's own full account of the failure
 * @param finding the known cause, when the failure matches one
 */
public record MigrationFailure(Kind kind, Optional<Migration> migration, Optional<String> statement,
        Optional<String> sqlState, String message, Optional<String> detail, Optional<String> hint,
        Optional<Integer> position, List<SessionWait> waits, String engineMessage, Optional<Finding> finding) {

    /** What kind of failure stopped a run. */
    public enum Kind {
        /** The server rejected a statement of a migration. */
        SQL_ERROR,
        /** The run exceeded its time limit and was cancelled. */
        TIMEOUT,
        /** The engine refused to run (validation, a checksum mismatch, an unreadable script). */
        ENGINE_ERROR,
        /**
         * A rollback was asked for a migration that has none: a Flyway migration without a
         * {@code U<version>__*.sql} undo script, a Liquibase changeset without a rollback that
         * Liquibase cannot generate either.
         */
        NO_ROLLBACK
    }

    /** Validates the components. */
    public MigrationFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(position, "position");
        waits = List.copyOf(waits);
        Objects.requireNonNull(engineMessage, "engineMessage");
        Objects.requireNonNull(finding, "finding");
    }

    /** This failure with a diagnosis attached. */
    public MigrationFailure withFinding(Finding value) {
        return new MigrationFailure(kind, migration, statement, sqlState, message, detail, hint, position, waits,
                engineMessage, Optional.of(value));
    }

    /** The diagnosis, if the failure matched a known cause. */
    public Optional<Diagnosis> diagnosis() {
        return finding.map(Finding::diagnosis);
    }

    /** Starts a failure of the given kind with the given message. */
    public static Builder builder(Kind kind, String message) {
        return new Builder(kind, message);
    }

    /** A readable account: the migration, the SQLSTATE and message, then statement, detail and hint. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(migration.map(m -> "migration " + m.displayName()).orElse("the run"))
                .append(kind == Kind.NO_ROLLBACK ? " cannot be rolled back" : " failed");
        if (kind == Kind.TIMEOUT) {
            text.append(" by exceeding its time limit");
        }
        text.append(":\n  ");
        sqlState.ifPresent(s -> text.append("ERROR ").append(s).append(": "));
        text.append(message);
        statement.ifPresent(s -> text.append("\n  statement: ").append(s.strip()));
        position.ifPresent(p -> text.append("\n  position: ").append(p));
        detail.ifPresent(d -> text.append("\n  detail: ").append(d));
        hint.ifPresent(h -> text.append("\n  hint: ").append(h));
        if (kind == Kind.TIMEOUT) {
            text.append("\n  When the time limit struck:");
            if (waits.isEmpty()) {
                text.append(" no session was active in the database.");
            }
            waits.forEach(w -> text.append("\n").append(w.describe("    ")));
        }
        finding.ifPresent(f -> text.append("\n").append(f.describe().indent(2).stripTrailing()));
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Collects the facts of a failure as they are found. */
    public static final class Builder {
        private final Kind kind;
        private final String message;
        private Migration migration;
        private String statement;
        private String sqlState;
        private String detail;
        private String hint;
        private Integer position;
        private List<SessionWait> waits = List.of();
        private String engineMessage;

        private Builder(Kind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
        }

        /** The failed migration. */
        public Builder migration(Migration value) {
            migration = value;
            return this;
        }

        /** The rejected statement. */
        public Builder statement(String value) {
            statement = value;
            return this;
        }

        /** The SQLSTATE. */
        public Builder sqlState(String value) {
            sqlState = value;
            return this;
        }

        /** The server's DETAIL. */
        public Builder detail(String value) {
            detail = value;
            return this;
        }

        /** The server's HINT. */
        public Builder hint(String value) {
            hint = value;
            return this;
        }

        /** The error position in the statement. */
        public Builder position(Integer value) {
            position = value;
            return this;
        }

        /** What the sessions waited on when the time limit struck. */
        public Builder waits(List<SessionWait> value) {
            waits = List.copyOf(value);
            return this;
        }

        /** The engine's full message. */
        public Builder engineMessage(String value) {
            engineMessage = value;
            return this;
        }

        /** The failure. */
        public MigrationFailure build() {
            return new MigrationFailure(kind, Optional.ofNullable(migration), nonBlank(statement), nonBlank(sqlState),
                    message, nonBlank(detail), nonBlank(hint), Optional.ofNullable(position).filter(p -> p > 0),
                    waits, engineMessage == null ? message : engineMessage, Optional.empty());
        }

        private static Optional<String> nonBlank(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }
}
