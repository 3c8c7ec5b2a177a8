package io.github.migrationtest.assertions;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.assertions.schema.ForeignKeyAction;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaAssertionsTests {

    private static DisposableDatabase database;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void createFixture() {
        database = TestDatabases.empty();
        TestDatabases.runScript(database, "fixture/every-kind.sql");
        TestDatabases.execute(database, "create schema billing; create table billing.users (id int);"
                + " create table auth.accounts (id int); create table billing.accounts (id int);"
                + " create domain billing.code as text not null");
        snapshot = SchemaSnapshot.of(database.dataSource());
    }

    @AfterAll
    static void dropFixture() {
        database.close();
    }

    @Test
    void navigatesToEveryKindOfObject() {
        assertThat(snapshot).schema("auth").exists().hasComment("Sign-in and sessions");
        assertThat(snapshot).schema("reporting").doesNotExist();
        assertThat(snapshot).extension("btree_gist").exists().isInSchema("public");
        assertThat(snapshot).enumType("industry").hasLabels("tech", "media", "retail").containsLabels("retail", "tech")
                .doesNotContainLabels("fintech");
        assertThat(snapshot).domain("email").hasBaseType("text").hasCheck("email_has_at").hasCheckContaining("'%@%'");
        assertThat(snapshot).sequence("invoice_number").hasType("int4").startsAt(1000).hasIncrement(10);
        assertThat(snapshot).sequence("companies_id_seq").isOwnedBy("companies.id");
        assertThat(snapshot).table("auth.users").hasColumns("id", "email", "password", "name", "created_at")
                .hasComment("People who sign in");
        assertThat(snapshot).table("public.users").doesNotExist();
        assertThat(snapshot).table("orders").column("id").isGeneratedByDefaultAsIdentity().hasNoDefault();
        assertThat(snapshot).table("auth.users").column("id").isGeneratedAlwaysAsIdentity().isNotNullable();
        assertThat(snapshot).table("auth.users").column("password").hasType("text").isNullable();
        assertThat(snapshot).table("auth.users").column("created_at").hasType("timestamptz").hasDefault("now()");
        assertThat(snapshot).table("auth.users").column("name").hasCollation("C");
        assertThat(snapshot).table("auth.users").column("email").hasType("public.email").hasComment("Login name");
        assertThat(snapshot).table("orders").column("price").hasType("decimal(10, 2)");
        assertThat(snapshot).table("orders").column("total").isGenerated().isGeneratedAs("(price * (quantity)::numeric)");
        assertThat(snapshot).table("orders").column("discount").doesNotExist();
        assertThat(snapshot).table("orders").primaryKey().hasColumns("id");
        assertThat(snapshot).table("orders").foreignKeyOn("user_id").references("auth.users", "id")
                .hasOnDelete(ForeignKeyAction.CASCADE).hasOnUpdate(ForeignKeyAction.NO_ACTION).isDeferrable()
                .isInitiallyDeferred().isValidated();
        assertThat(snapshot).table("orders").hasForeignKeyTo("companies").hasForeignKeyTo("auth.users");
        assertThat(snapshot).table("orders").check("orders_price_positive").isNotValidated();
        assertThat(snapshot).table("orders").check("orders_quantity_check").hasDefinition("CHECK (quantity > 0)");
        assertThat(snapshot).table("bookings").constraint("bookings_no_overlap").isExclusion()
                .hasDefinitionContaining("gist");
        assertThat(snapshot).table("companies").constraint("companies_name_key").isUnique().hasColumns("name");
        assertThat(snapshot).index("orders_open_idx").isValid().isNotUnique().isPartial().hasColumns("user_id")
                .hasIncludedColumns("status").hasPredicate("status <> 'done'::text").usesMethod("btree").isOn("orders");
        assertThat(snapshot).index("users_email_key").isUnique().hasColumns("lower(email::text)").isOn("auth.users");
        assertThat(snapshot).table("auth.users").index("users_pkey").isPrimaryKey();
        assertThat(snapshot).index("tags_name_key").isInvalid();
        assertThat(snapshot).table("measurements").isPartitioned();
        assertThat(snapshot).table("measurements_2024").isPartitionOf("measurements");
        assertThat(snapshot).view("active_orders").hasDefinitionContaining("WHERE status <> 'done'::text");
        assertThat(snapshot).view("order_totals").doesNotExist();
        assertThat(snapshot).materializedView("order_totals").isMaterialized().isPopulated()
                .index("order_totals_user_idx").isUnique();
        assertThat(snapshot).function("add(integer, integer)").returns("integer").hasLanguage("sql")
                .hasArguments("a integer, b integer").hasDefinitionContaining("IMMUTABLE");
        assertThat(snapshot).function("add(text, text)").returns("text");
        assertThat(snapshot).function("add(bigint, bigint)").doesNotExist();
        assertThat(snapshot).procedure("archive_orders").exists();
        assertThat(snapshot).table("auth.users").trigger("users_touch").executes("touch").isEnabled()
                .hasDefinitionContaining("BEFORE UPDATE");
    }

    @Test
    void failsWithTheExpectedAndActualType() {
        assertThatThrownBy(() -> assertThat(snapshot).table("auth.users").column("password").hasType("varchar(100)"))
                .hasMessage("Expecting column auth.users.password to have type:\n  varchar(100)\nbut had:\n  text");
    }

    @Test
    void failsWhenAColumnIsNullable() {
        assertThatThrownBy(() -> assertThat(snapshot).table("auth.users").column("password").isNotNullable())
                .hasMessage("Expecting column auth.users.password to be not null, but it is nullable.");
    }

    @Test
    void failsWhenAColumnIsNotNullable() {
        assertThatThrownBy(() -> assertThat(snapshot).table("auth.users").column("email").isNullable())
                .hasMessage("Expecting column auth.users.email to be nullable, but it is not null.");
    }

    @Test
    void checksTheNullabilityOfADomain() {
        assertThat(snapshot).domain("billing.code").isNotNullable();
        assertThat(snapshot).domain("email").isNullable();

        assertThatThrownBy(() -> assertThat(snapshot).domain("email").isNotNullable())
                .hasMessage("Expecting domain public.email to be not null, but it is nullable.");
        assertThatThrownBy(() -> assertThat(snapshot).domain("billing.code").isNullable())
                .hasMessage("Expecting domain billing.code to be nullable, but it is not null.");
    }

    @Test
    void isNotNullKeepsAssertJsMeaningWhateverTheColumnsNullability() {
        // a nullable column is still an object that is there: AssertJ's isNotNull() passes
        assertThat(snapshot).table("auth.users").column("password").isNotNull().isNullable();
        assertThat(snapshot).domain("email").isNotNull().isNullable();

        // a column that is missing is null to AssertJ; exists() is the check that says what is there instead
        assertThatThrownBy(() -> assertThat(snapshot).table("auth.users").column("pass").isNotNull())
                .hasMessage("\nExpecting actual not to be null");
        assertThat(snapshot).table("auth.users").column("pass").isNull();
    }

    @Test
    void failsOnAMissingTableWithTheTablesThatExist() {
        assertThatThrownBy(() -> assertThat(snapshot).table("invoices").exists())
                .hasMessage("Expecting table public.invoices to exist, but it does not.\nTables in schema public:"
                        + " bookings, companies, measurements, measurements_2024, orders, tags.");
    }

    @Test
    void failsOnAColumnOfAMissingTableSayingThatTheTableIsMissing() {
        assertThatThrownBy(() -> assertThat(snapshot).table("auth.sessions").column("token").hasType("text"))
                .hasMessage("Expecting column auth.sessions.token to exist, but it does not.\nThe table auth.sessions"
                        + " does not exist. Tables in schema auth: accounts, users.");
    }

    @Test
    void failsOnAMissingColumnWithTheColumnsThatExist() {
        assertThatThrownBy(() -> assertThat(snapshot).table("auth.users").column("pass").exists())
                .hasMessage("Expecting column auth.users.pass to exist, but it does not.\nColumns of table auth.users:"
                        + " id, email, password, name, created_at.");
    }

    @Test
    void failsWhenAnObjectThatShouldBeGoneExists() {
        assertThatThrownBy(() -> assertThat(snapshot).table("orders").doesNotExist())
                .hasMessage("Expecting table public.orders not to exist, but it does.");
    }

    @Test
    void failsOnAnAmbiguousNameWithHowToQualifyIt() {
        assertThatThrownBy(() -> assertThat(snapshot).table("accounts").exists())
                .hasMessage("The table name \"accounts\" is ambiguous: there is none in schema public but 2 in other"
                        + " schemas (auth.accounts, billing.accounts). Qualify the name, e.g."
                        + " table(\"auth.accounts\").");
        assertThatThrownBy(() -> assertThat(snapshot).function("add").exists())
                .hasMessage("The function public.add has 2 overloads: public.add(integer, integer),"
                        + " public.add(text, text). Give the argument types, e.g."
                        + " function(\"public.add(integer, integer)\").");
    }

    @Test
    void failsOnEnumLabelsWithWhatIsMissing() {
        assertThatThrownBy(() -> assertThat(snapshot).enumType("industry").hasLabels("tech", "retail"))
                .hasMessage("Expecting enum public.industry to have labels (in order):\n  [tech, retail]\nbut had:\n"
                        + "  [tech, media, retail]\nunexpected: [media]");
        assertThatThrownBy(() -> assertThat(snapshot).enumType("industry").hasLabels("tech", "retail", "media"))
                .hasMessage("Expecting enum public.industry to have labels (in order):\n  [tech, retail, media]\n"
                        + "but had:\n  [tech, media, retail]\nthe same elements in a different order");
        assertThatThrownBy(() -> assertThat(snapshot).enumType("industry").containsLabels("fintech", "tech"))
                .hasMessage("Expecting enum public.industry to contain labels:\n  [fintech, tech]\nbut had:\n"
                        + "  [tech, media, retail]\nmissing: [fintech]");
    }

    @Test
    void failsOnAnInvalidIndexWithTheCauseAndTheFix() {
        assertThatThrownBy(() -> assertThat(snapshot).index("tags_name_key").isValid())
                .hasMessage("Expecting index public.tags_name_key to be valid, but it is invalid.\nA failed CREATE INDEX"
                        + " CONCURRENTLY (or REINDEX CONCURRENTLY) leaves an invalid index behind: it is maintained on"
                        + " every write but never used by queries, and a rerun of the migration fails because the name"
                        + " is taken. Drop it with DROP INDEX CONCURRENTLY public.tags_name_key; and create it again"
                        + " (make the migration use CREATE INDEX CONCURRENTLY IF NOT EXISTS only after dropping an"
                        + " invalid one).");
        assertThatThrownBy(() -> assertThat(snapshot).hasNoInvalidIndexes())
                .hasMessageStartingWith("Expecting no invalid indexes, but found 1: public.tags_name_key.\n");
    }

    @Test
    void failsOnForeignKeyActionsAndValidation() {
        assertThatThrownBy(() -> assertThat(snapshot).table("orders").foreignKeyOn("company_id")
                .hasOnDelete(ForeignKeyAction.CASCADE))
                .hasMessage("Expecting foreign key public.orders.orders_company_id_fkey to have ON DELETE action:\n"
                        + "  CASCADE\nbut had:\n  NO ACTION");
        assertThatThrownBy(() -> assertThat(snapshot).table("orders").check("orders_price_positive").isValidated())
                .hasMessage("Expecting check constraint public.orders.orders_price_positive to be validated, but it is NOT"
                        + " VALID (existing rows were never checked).\nValidate it with ALTER TABLE public.orders"
                        + " VALIDATE CONSTRAINT orders_price_positive;");
        assertThatThrownBy(() -> assertThat(snapshot).table("orders").foreignKeyOn("status").exists())
                .hasMessage("Expecting foreign key public.orders(status) to exist, but it does not.\nForeign keys of"
                        + " table public.orders: company_id, user_id.");
    }

    @Test
    void putsTheDescriptionInFrontOfTheMessage() {
        assertThatThrownBy(() -> assertThat(snapshot).table("orders").column("status").as("after V7")
                .hasDefault("'open'::text"))
                .hasMessage("[after V7] Expecting column public.orders.status to have default:\n  'open'::text\n"
                        + "but had:\n  'new'::text");
    }
}
