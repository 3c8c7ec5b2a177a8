package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;

/**
 * Two tests in a fixed order on one chain; each reports its database and the accounts in it, so that
 * {@link TestIsolationTests} can compare what the first wrote with what the second sees.
 */
class IsolationTestCases {

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class WriteThenRead {

        @Test
        @Order(1)
        void writes(Connection connection, @Migrated MigrationDatabase db, TestReporter reporter) throws Exception {
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into accounts (email) values ('first@example.com')");
            }
            // read back through the database's own connection: the row is committed, not only in this session
            report(db, reporter);
        }

        @Test
        @Order(2)
        void reads(@Migrated MigrationDatabase db, TestReporter reporter) {
            report(db, reporter);
        }

        private static void report(MigrationDatabase db, TestReporter reporter) {
            // a report entry's value must not be blank: the emails as a list, [] for none
            String accounts = db.query("select email from accounts order by id").stream()
                    .map(row -> String.valueOf(row.get("email"))).toList().toString();
            reporter.publishEntry(Map.of("database", db.name(), "accounts", accounts));
        }
    }
}
