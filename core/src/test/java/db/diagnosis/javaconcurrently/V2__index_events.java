package db.diagnosis.javaconcurrently;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java migration Flyway runs in a transaction, as it does by default, issuing CREATE INDEX CONCURRENTLY. */
public class V2__index_events extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX CONCURRENTLY events_kind ON events (kind)");
        }
    }
}
