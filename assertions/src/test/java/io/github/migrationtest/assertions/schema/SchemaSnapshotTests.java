package io.github.migrationtest.assertions.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture schema (fixture/every-kind.sql) uses every kind of object; each test checks that one is captured. */
class SchemaSnapshotTests {

    private static DisposableDatabase database;
    private static List<String> fixtureErrors;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void createFixture() {
        database = TestDatabases.empty();
        fixtureErrors = TestDatabases.runScript(database, "fixture/every-kind.sql");
        snapshot = SchemaSnapshot.of(database.dataSource());
    }

    @AfterAll
    static void dropFixture() {
        database.close();
    }

    @Test
    void readsTheNonSystemSchemasWithTheirComments() {
        assertThat(snapshot.schemaNames()).containsExactly("auth", "public");
        assertThat(snapshot.schema("auth")).contains(new Schema("auth", Optional.of("Sign-in and sessions")));
    }

    @Test
    void readsOnlyTheChosenSchemas() {
        SchemaSnapshot auth = SchemaSnapshot.of(database.dataSource(), SnapshotOptions.defaults().withSchemas("auth"));

        assertThat(auth.schemaNames()).containsExactly("auth");
        assertThat(auth.tables()).extracting(t -> t.name().toString()).containsExactly("auth.users");
        assertThat(auth.extensions()).isEmpty();
    }

    @Test
    void readsExtensionsWithVersionsButNotTheirObjects() {
        assertThat(snapshot.extensions()).extracting(Extension::name, Extension::schema)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("btree_gist", "public"));
        assertThat(snapshot.extension("btree_gist").orElseThrow().version()).matches("\\d+\\.\\d+");
        // btree_gist brings hundreds of functions; none of them is the schema's own
        assertThat(snapshot.functions()).extracting(Routine::signature)
                .containsExactly("public.add(integer, integer)", "public.add(text, text)", "public.touch()");
    }

    @Test
    void readsEnumLabelsInSortOrderSoThatALabelAddedBeforeAnotherShowsWhereItSorts() {
        assertThat(snapshot.enumType("industry").orElseThrow().labels()).containsExactly("tech", "media", "retail");
    }

    @Test
    void readsDomainsWithTheirChecks() {
        Domain email = snapshot.domain("email").orElseThrow();

        assertThat(email.baseType()).isEqualTo("text");
        assertThat(email.checks()).containsExactly(
                new DomainCheck("email_has_at", "CHECK (VALUE ~~ '%@%'::text)", true));
    }

    @Test
    void readsSequencesWithTheirOptionsAndOwnersButNotThoseOfIdentityColumns() {
        Sequence invoiceNumber = snapshot.sequence("invoice_number").orElseThrow();
        assertThat(invoiceNumber.dataType()).isEqualTo("integer");
        assertThat(invoiceNumber.start()).isEqualTo(1000);
        assertThat(invoiceNumber.increment()).isEqualTo(10);
        assertThat(invoiceNumber.ownedBy()).isEmpty();

        assertThat(snapshot.sequence("companies_id_seq").orElseThrow().ownedBy()).contains("public.companies.id");
        assertThat(snapshot.sequences()).extracting(s -> s.name().name())
                .containsExactly("bookings_id_seq", "companies_id_seq", "invoice_number");
    }

    @Test
    void readsIdentityColumns() {
        Table users = snapshot.table("auth.users").orElseThrow();
        Table orders = snapshot.table("orders").orElseThrow();

        assertThat(users.column("id").orElseThrow().identity()).contains(Identity.ALWAYS);
        assertThat(orders.column("id").orElseThrow().identity()).contains(Identity.BY_DEFAULT);
        assertThat(orders.column("id").orElseThrow().defaultExpression()).isEmpty();
    }

    @Test
    void readsGeneratedColumns() {
        Column total = snapshot.table("orders").orElseThrow().column("total").orElseThrow();

        assertThat(total.generation()).contains(new Generation("(price * (quantity)::numeric)", true));
        assertThat(total.defaultExpression()).isEmpty();
    }

    @Test
    void readsColumnTypesNullabilityDefaultsCollationsAndComments() {
        Table users = snapshot.table("users").orElseThrow();

        assertThat(users.columnNames()).containsExactly("id", "email", "password", "name", "created_at");
        assertThat(users.column("email").orElseThrow()).isEqualTo(new Column("email", "email", true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Login name")));
        assertThat(users.column("name").orElseThrow().collation()).contains("\"C\"");
        assertThat(users.column("created_at").orElseThrow().type()).isEqualTo("timestamp with time zone");
        assertThat(users.column("created_at").orElseThrow().defaultExpression()).contains("now()");
        assertThat(users.comment()).contains("People who sign in");
        assertThat(snapshot.table("orders").orElseThrow().column("price").orElseThrow().type())
                .isEqualTo("numeric(10,2)");
    }

    @Test
    void readsPrimaryKeysAndUniqueConstraints() {
        Table companies = snapshot.table("companies").orElseThrow();

        assertThat(companies.primaryKey().orElseThrow().columns()).containsExactly("id");
        assertThat(companies.constraint("companies_name_key").orElseThrow().type()).isEqualTo(ConstraintType.UNIQUE);
    }

    @Test
    void readsDeferrableForeignKeysWithTheirActions() {
        Constraint userFk = snapshot.table("orders").orElseThrow().constraint("orders_user_id_fkey").orElseThrow();

        assertThat(userFk.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
        assertThat(userFk.columns()).containsExactly("user_id");
        assertThat(userFk.foreignKey()).contains(new ForeignKey(new QualifiedName("auth", "users"), List.of("id"),
                ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION));
        assertThat(userFk.deferrable()).isTrue();
        assertThat(userFk.initiallyDeferred()).isTrue();
        assertThat(userFk.definition()).isEqualTo("FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE"
                + " DEFERRABLE INITIALLY DEFERRED");
    }

    @Test
    void readsCheckConstraintsIncludingNotValidOnes() {
        Table orders = snapshot.table("orders").orElseThrow();

        assertThat(orders.constraint("orders_quantity_check").orElseThrow().validated()).isTrue();
        Constraint price = orders.constraint("orders_price_positive").orElseThrow();
        assertThat(price.validated()).isFalse();
        assertThat(price.definition()).isEqualTo("CHECK (price >= 0::numeric) NOT VALID");
    }

    @Test
    void readsExclusionConstraints() {
        Constraint noOverlap = snapshot.table("bookings").orElseThrow().constraint("bookings_no_overlap").orElseThrow();

        assertThat(noOverlap.type()).isEqualTo(ConstraintType.EXCLUSION);
        assertThat(noOverlap.definition()).isEqualTo("EXCLUDE USING gist (room WITH =, during WITH &&)");
        assertThat(snapshot.index("bookings_no_overlap").orElseThrow().method()).isEqualTo("gist");
    }

    @Test
    void readsPartialIndexesWithIncludedColumns() {
        Index open = snapshot.index("orders_open_idx").orElseThrow();

        assertThat(open.keys()).containsExactly("user_id");
        assertThat(open.include()).containsExactly("status");
        assertThat(open.predicate()).contains("status <> 'done'::text");
        assertThat(open.unique()).isFalse();
        assertThat(open.valid()).isTrue();
    }

    @Test
    void readsExpressionIndexes() {
        Index email = snapshot.index("users_email_key").orElseThrow();

        assertThat(email.name()).isEqualTo(new QualifiedName("auth", "users_email_key"));
        assertThat(email.keys()).containsExactly("lower(email::text)");
        assertThat(email.unique()).isTrue();
        assertThat(email.primary()).isFalse();
        assertThat(snapshot.index("auth.users_pkey").orElseThrow().primary()).isTrue();
    }

    @Test
    void readsTheInvalidIndexThatAFailedCreateIndexConcurrentlyLeavesBehind() {
        assertThat(fixtureErrors).singleElement().asString().startsWith("23505");

        Index tagsName = snapshot.index("tags_name_key").orElseThrow();
        assertThat(tagsName.valid()).isFalse();
        assertThat(tagsName.unique()).isTrue();
    }

    @Test
    void readsPartitionedTablesAndPartitions() {
        Table measurements = snapshot.table("measurements").orElseThrow();
        Table partition = snapshot.table("measurements_2024").orElseThrow();

        assertThat(measurements.kind()).isEqualTo(TableKind.PARTITIONED_TABLE);
        assertThat(measurements.partitionKey()).contains("RANGE (day)");
        assertThat(partition.kind()).isEqualTo(TableKind.TABLE);
        assertThat(partition.partitionOf()).contains(new QualifiedName("public", "measurements"));
        assertThat(partition.partitionBound()).contains("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    }

    @Test
    void readsViewsWithTheirDefinitions() {
        View activeOrders = snapshot.view("active_orders").orElseThrow();

        assertThat(activeOrders.materialized()).isFalse();
        assertThat(activeOrders.definition()).isEqualTo(" SELECT id,\n    user_id\n   FROM orders\n"
                + "  WHERE status <> 'done'::text;");
    }

    @Test
    void readsMaterializedViewsWithTheirIndexes() {
        View totals = snapshot.view("order_totals").orElseThrow();

        assertThat(totals.materialized()).isTrue();
        assertThat(totals.populated()).isTrue();
        assertThat(totals.definition()).contains("sum(total) AS total");
        assertThat(totals.indexes()).extracting(i -> i.name().name()).containsExactly("order_totals_user_idx");
    }

    @Test
    void readsOverloadedFunctionsAsDistinctRoutines() {
        Routine integers = snapshot.function("add(integer, integer)").orElseThrow();
        Routine texts = snapshot.function("public.add(text,text)").orElseThrow();

        assertThat(integers.returns()).contains("integer");
        assertThat(integers.arguments()).isEqualTo("a integer, b integer");
        assertThat(integers.language()).isEqualTo("sql");
        assertThat(integers.definition().orElseThrow()).contains("IMMUTABLE").contains("select a + b");
        assertThat(texts.returns()).contains("text");
        assertThatThrownBy(() -> snapshot.function("add")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The function public.add has 2 overloads: public.add(integer, integer),"
                        + " public.add(text, text). Give the argument types, e.g. function(\"public.add(integer, integer)\").");
    }

    @Test
    void readsProceduresApartFromFunctions() {
        Routine archive = snapshot.procedure("archive_orders").orElseThrow();

        assertThat(archive.kind()).isEqualTo(RoutineKind.PROCEDURE);
        assertThat(archive.signature()).isEqualTo("public.archive_orders(date)");
        assertThat(archive.returns()).isEmpty();
        assertThat(snapshot.function("archive_orders")).isEmpty();
    }

    @Test
    void readsTriggersButNotTheInternalOnesOfForeignKeys() {
        Table users = snapshot.table("auth.users").orElseThrow();

        assertThat(users.triggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.name()).isEqualTo("users_touch");
            assertThat(trigger.function()).isEqualTo(new QualifiedName("public", "touch"));
            assertThat(trigger.enabled()).isTrue();
            assertThat(trigger.definition()).isEqualTo("CREATE TRIGGER users_touch BEFORE UPDATE ON auth.users"
                    + " FOR EACH ROW EXECUTE FUNCTION touch()");
        });
    }

    @Test
    void resolvesUnqualifiedNamesInPublicOrInTheOnlySchemaThatHasThem() {
        assertThat(snapshot.table("users")).map(t -> t.name().toString()).contains("auth.users");
        assertThat(snapshot.table("orders")).map(t -> t.name().toString()).contains("public.orders");
        assertThat(snapshot.table("auth.orders")).isEmpty();
        assertThat(snapshot.table("nope")).isEmpty();
    }

    @Test
    void leavesTheHistoryTableOutOfTheSchemaAndReadsItAsTheHistory() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/good")) {
            db.migrate();

            SchemaSnapshot migrated = SchemaSnapshot.of(db);

            assertThat(migrated.tables()).extracting(t -> t.name().toString()).containsExactly("public.users");
            assertThat(migrated.canonicalText()).doesNotContain("flyway_schema_history");
            assertThat(migrated.history().table()).contains(new QualifiedName("public", "flyway_schema_history"));
            assertThat(migrated.history().ids()).containsExactly("1", "2");
            assertThat(migrated.history().entries()).allSatisfy(entry -> assertThat(entry.success()).isTrue());
            assertThat(migrated.history().entries()).extracting(e -> e.script())
                    .containsExactly("V1__create_users.sql", "V2__add_industry.sql");
        }
    }

    @Test
    void seesUncommittedChangesOfTheConnectionItIsGivenAndLeavesItsSettingsAlone() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local search_path = auth");
            statement.execute("create table public.scratch (id int)");

            SchemaSnapshot inTransaction = SchemaSnapshot.of(connection);

            assertThat(inTransaction.table("scratch")).isPresent();
            try (ResultSet rs = statement.executeQuery("select current_setting('search_path')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("auth");
            }
            connection.rollback();
        }
    }
}
