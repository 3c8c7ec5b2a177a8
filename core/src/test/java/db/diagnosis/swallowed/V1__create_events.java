package db.diagnosis.swallowed;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A first migration that creates the enum the next one extends. */
public class V1__create_events extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TYPE eventtype AS ENUM ('created', 'updated')");
        }
    }
}
