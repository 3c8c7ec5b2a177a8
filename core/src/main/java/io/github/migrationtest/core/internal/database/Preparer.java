package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.internal.SqlErrors;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationTestException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/** Runs a {@link Preparation} on one server: its roles once per server, its scripts in a database. */
final class Preparer {

    private final DatabaseFactory factory;
    private final Set<String> rolesCreated = new HashSet<>();

    Preparer(DatabaseFactory factory) {
        this.factory = factory;
    }

    /**
     * Creates the missing roles on the server, then runs the scripts in the database, in order.
     *
     * @throws MigrationTestException naming the script or role that failed, with the server's error
     */
    void prepare(Preparation preparation, DisposableDatabase database) {
        createRoles(preparation);
        for (Preparation.Script script : preparation.scripts()) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute(script.sql());
            } catch (SQLException e) {
                throw new MigrationTestException("The preparation script " + script.location() + " ("
                        + Setting.PREPARE.key() + ") fails on " + factory.server().describe() + ":\n  "
                        + describe(e) + "\nEvery database of the chain starts from it, so no test can run: fix the"
                        + " script, or leave out what this server cannot provide.", e);
            }
        }
    }

    private synchronized void createRoles(Preparation preparation) {
        for (String role : preparation.roles()) {
            if (rolesCreated.contains(role)) {
                continue;
            }
            // Roles are cluster-wide: every database of the server sees them, and other runs may create them too.
            String quoted = DatabaseMarker.quote(role);
            try (Connection connection = factory.server().address().connect(
                    factory.server().address().maintenanceDatabase(), "migrationtest-prepare");
                    Statement statement = connection.createStatement()) {
                statement.execute("DO $$ BEGIN CREATE ROLE " + quoted + " NOLOGIN;"
                        + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
                rolesCreated.add(role);
            } catch (SQLException e) {
                throw new MigrationTestException("Could not create role " + role + " (" + Setting.PREPARE_ROLES.key()
                        + ") on " + factory.server().describe() + ":\n  " + describe(e) + "\nThe account migrationtest"
                        + " connects with needs CREATEROLE; or create the role on the server yourself.", e);
            }
        }
    }

    private static String describe(SQLException e) {
        MigrationFailure failure = SqlErrors.describe(e).build();
        return failure.sqlState().map(s -> "ERROR " + s + ": ").orElse("") + failure.message()
                + failure.detail().map(d -> "\n  detail: " + d).orElse("");
    }
}
