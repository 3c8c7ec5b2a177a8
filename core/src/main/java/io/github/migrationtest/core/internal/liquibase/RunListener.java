package io.github.migrationtest.core.internal.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Records what one Liquibase operation did, changeset by changeset, from Liquibase's own events:
 * more reliable than comparing {@code DATABASECHANGELOG} before and after, which cannot tell a
 * rerun from a run.
 */
final class RunListener extends AbstractChangeExecListener {

    private final List<ChangeSet> ran = new ArrayList<>();
    private final List<ChangeSet> rolledBack = new ArrayList<>();
    private ChangeSet failed;

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
            ChangeSet.ExecType execType) {
        // MARK_RAN and SKIPPED changesets are recorded or passed over without running their changes.
        if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
            ran.add(changeSet);
        }
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
            Exception exception) {
        failed = changeSet;
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
        rolledBack.add(changeSet);
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
            Exception exception) {
        failed = changeSet;
    }

    List<ChangeSet> ran() {
        return List.copyOf(ran);
    }

    List<ChangeSet> rolledBack() {
        return List.copyOf(rolledBack);
    }

    Optional<ChangeSet> failed() {
        return Optional.ofNullable(failed);
    }
}
