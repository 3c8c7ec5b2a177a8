package db.contract.rerunchanges;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A repeatable Java migration that wants to run on every deploy, so its checksum changes every
 * time: it is never "done", and a rerun at the head applies it again.
 */
public class R__refresh_order_totals extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return (int) System.nanoTime();
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE OR REPLACE VIEW order_totals AS SELECT count(*) AS orders, sum(total) AS total"
                    + " FROM orders");
        }
    }
}
