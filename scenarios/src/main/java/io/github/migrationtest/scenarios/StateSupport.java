package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.scenarios.internal.ChainObservation;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the broken states share: finding a migration of the database's chain, checking that it is (not) recorded,
 * observing the chain.
 */
final class StateSupport {

    private StateSupport() {
    }

    static Migration migration(MigrationDatabase db, String id) {
        return db.migrations().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new MigrationTestException("The " + db.chain().description() + " has no migration '"
                        + id + "'. Its migrations are: " + db.migrations().stream().map(Migration::id)
                        .collect(Collectors.joining(", ")) + "."));
    }

    static boolean recorded(MigrationDatabase db, Migration migration) {
        return db.history().stream().anyMatch(e -> e.success() && e.id().equals(migration.id()));
    }

    static Migration unrecorded(MigrationDatabase db, String id, String state) {
        Migration migration = migration(db, id);
        if (recorded(db, migration)) {
            int index = db.migrations().indexOf(migration);
            String before = index == 0 ? "an empty database" : "db.migrateTo(\"" + db.migrations().get(index - 1).id()
                    + "\") or @At(\"" + db.migrations().get(index - 1).id() + "\")";
            throw new MigrationTestException(state + "(\"" + id + "\"): migration " + migration.displayName()
                    + " is recorded as applied in " + db.name() + "; the state belongs before it. Start from "
                    + before + ".");
        }
        return migration;
    }

    static void requireNext(MigrationDatabase db, Migration migration, String state) {
        Optional<Migration> next = db.migrations().stream().filter(m -> !recorded(db, m)).findFirst();
        if (next.isPresent() && !next.get().equals(migration)) {
            throw new MigrationTestException(state + "(\"" + migration.id() + "\"): migration " + next.get().id()
                    + " comes first and is not applied in " + db.name() + ". Migrate to it first: db.migrateTo(\""
                    + next.get().id() + "\").");
        }
    }

    static ChainObservation observe(MigrationDatabase db) {
        return new ChainObservation(DatabaseFactory.on(db.server()), db.chain(), db.settings().migrationTimeout());
    }
}
