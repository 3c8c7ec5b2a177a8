package incidents.eventtypes.original;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The "tolerant" migration of the incident: it swallows "already exists" on ADD VALUE, which leaves PostgreSQL's
 * transaction aborted, so the statement after it fails with 25P02.
 */
public class V2__add_archived_event_type extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            try {
                statement.execute("ALTER TYPE eventtype ADD VALUE 'archived'");
            } catch (SQLException e) {
                if (!e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("already exists")) {
                    throw e;
                }
            }
            statement.execute("CREATE TABLE event_archive (id bigint PRIMARY KEY, type eventtype NOT NULL)");
        }
    }
}
