package db.diagnosis.swallowed;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The "tolerant" migration of the incident: it catches "already exists" and carries on, which leaves
 * PostgreSQL's transaction aborted, so the next statement fails with 25P02.
 */
public class V2__add_event_type extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            try {
                statement.execute("ALTER TYPE eventtype ADD VALUE 'archived'");
            } catch (SQLException e) {
                if (!e.getMessage().contains("already exists")) {
                    throw e;
                }
            }
            statement.execute("CREATE TABLE event_archive (id bigint PRIMARY KEY, type eventtype NOT NULL)");
        }
    }
}
