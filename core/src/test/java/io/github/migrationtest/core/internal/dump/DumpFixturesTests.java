package io.github.migrationtest.core.internal.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.SchemaDump;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.server.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed dumps, made by Debian's pg_dump 15.18 from the fixture database on PostgreSQL 12 to 15 (see
 * {@link DumpFixtures}), load into PostgreSQL 15 and 17 as starting states, and the chain runs on them.
 */
class DumpFixturesTests {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    static Stream<Arguments> dumpsAndServers() {
        return Stream.of(12, 13, 14, 15).flatMap(dumped -> Stream.of(15, 17).map(into -> Arguments.of(dumped, into)));
    }

    @ParameterizedTest(name = "dump of PostgreSQL {0} into PostgreSQL {1}")
    @MethodSource("dumpsAndServers")
    void loadsWithItsHistoryAndThePendingMigrationApplies(int dumped, int into) {
        PostgresServer server = FixtureDatabase.server(into);
        SchemaDump dump = SchemaDump.of("classpath:dumps/pg" + dumped + "/schema.sql",
                "classpath:dumps/pg" + dumped + "/history.sql");

        try (MigrationDatabase db = FixtureDatabase.databases(server.majorVersion(), LIMIT).startingFrom(dump)) {
            assertThat(strings(db, "select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_schema in ('billing', 'public') order by 1")).containsExactly(
                    "billing.customers", "billing.invoices", "billing.open_invoices", "public.flyway_schema_history");
            assertThat(strings(db, "select unnest(enum_range(null::billing.invoice_status))::text"))
                    .containsExactly("draft", "sent", "paid");
            assertThat(strings(db, "select attgenerated::text from pg_attribute"
                    + " where attrelid = 'billing.invoices'::regclass and attname = 'tax'")).containsExactly("s");
            assertThat(strings(db, "select indexname from pg_indexes where schemaname = 'billing' order by 1"))
                    .contains("customers_created", "invoices_lower_note", "invoices_open");
            assertThat(strings(db, "select tgname from pg_trigger where not tgisinternal")).containsExactly("invoices_touch");
            assertThat(strings(db, "select matviewname from pg_matviews")).containsExactly("revenue");
            assertThat(strings(db, "select obj_description('billing.invoices'::regclass)"))
                    .containsExactly("One row per invoice; amounts in cents");
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2");

            assertThat(db.migrate().applied()).extracting(m -> m.id()).containsExactly("3");
            assertThat(strings(db, "select unnest(enum_range(null::billing.invoice_status))::text"))
                    .containsExactly("draft", "sent", "paid", "refunded");
        }
    }

    @ParameterizedTest(name = "dump of PostgreSQL {0} into PostgreSQL 17")
    @MethodSource("dumpedVersions")
    void leavesOutWhatNamesRolesTheServerLacksAndSaysSo(int dumped) {
        PostgresServer server = FixtureDatabase.server(17);
        SchemaDump dump = SchemaDump.of("classpath:dumps/pg" + dumped + "/schema.sql");
        TemplateCache templates = DatabaseFactory.on(server).templates();

        LoadReport report = templates.dumpReport(dump.starting());

        assertThat(report.createdRoles()).isEmpty();
        assertThat(report.skipped()).extracting(line -> line.replaceFirst(":\\d+: ", ": ")).containsExactly(
                "classpath:dumps/pg" + dumped + "/schema.sql: ALTER TABLE billing.customers OWNER TO app_owner",
                "classpath:dumps/pg" + dumped + "/schema.sql: CREATE POLICY customers_reader ON billing.customers"
                        + " FOR SELECT TO app_reader USING (true)",
                "classpath:dumps/pg" + dumped + "/schema.sql: GRANT USAGE ON SCHEMA billing TO app_reader",
                "classpath:dumps/pg" + dumped + "/schema.sql: GRANT SELECT ON TABLE billing.customers TO app_reader",
                "classpath:dumps/pg" + dumped + "/schema.sql: GRANT SELECT ON TABLE billing.invoices TO app_reader",
                "classpath:dumps/pg" + dumped + "/schema.sql: GRANT SELECT ON TABLE billing.open_invoices TO app_reader",
                "classpath:dumps/pg" + dumped + "/schema.sql: GRANT SELECT ON TABLE billing.revenue TO app_reader",
                "classpath:dumps/pg" + dumped + "/schema.sql: ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA"
                        + " billing GRANT SELECT ON TABLES  TO app_reader");
    }

    @ParameterizedTest(name = "dump of PostgreSQL {0}")
    @MethodSource("dumpedVersions")
    void isLoadedOncePerServerAndContent(int dumped) {
        PostgresServer server = FixtureDatabase.server(15);
        TemplateCache templates = DatabaseFactory.on(server).templates();
        SchemaDump dump = SchemaDump.of("classpath:dumps/pg" + dumped + "/schema.sql",
                "classpath:dumps/pg" + dumped + "/history.sql");
        try (MigrationDatabase first = FixtureDatabase.databases(server.majorVersion(), LIMIT).startingFrom(dump)) {
            int built = templates.templatesBuilt();

            try (MigrationDatabase second = FixtureDatabase.databases(server.majorVersion(), LIMIT).startingFrom(dump)) {
                assertThat(second.name()).isNotEqualTo(first.name());
                assertThat(templates.templatesBuilt()).isEqualTo(built);
                assertThat(second.history()).hasSize(2);
            }
            assertThat(dump.creatingMissingRoles().fingerprint()).as("another role policy, another template")
                    .isNotEqualTo(dump.fingerprint());
        }
    }

    static Stream<Integer> dumpedVersions() {
        return Stream.of(12, 13, 14, 15);
    }

    private static List<String> strings(MigrationDatabase db, String sql) {
        return db.query(sql).stream().map(Map::values).map(v -> String.valueOf(v.iterator().next()))
                .collect(Collectors.toList());
    }
}
