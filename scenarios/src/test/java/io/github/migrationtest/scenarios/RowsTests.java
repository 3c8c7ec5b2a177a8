package io.github.migrationtest.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows with the values a test gives and everything else made up, on a shop schema of many types and constraints. */
class RowsTests {

    private static final FlywayChain SHOP = FlywayChain.builder().locations("classpath:rows").build();

    @Test
    void fillsEveryNotNullColumnWithAValueOfItsTypeThatItsChecksAccept() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            Row order = Rows.in(db).insert("orders", Map.of("status", "paid"));

            assertThat(order.table()).isEqualTo(new QualifiedName("public", "orders"));
            assertThat(order.value("status")).contains("paid");
            assertThat(new BigDecimal(order.value("total").orElseThrow())).isPositive();
            assertThat(Integer.parseInt(order.value("quantity").orElseThrow())).isBetween(1, 10);
            assertThat(order.value("priority").orElseThrow()).isIn("low", "normal", "high");
            assertThat(order.value("created_at")).isPresent();
            assertThat(order.value("total_with_tax")).isPresent();
        }
    }

    @Test
    void createsParentRowsThroughForeignKeysRecursively() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            Row order = Rows.in(db).insert("orders", Map.of());

            assertThat(order.parents()).extracting(r -> r.table().name()).containsExactly("customers", "addresses");
            Row customer = order.parents().get(0);
            Row address = order.parents().get(1);
            assertThat(order.value("customer_id")).isEqualTo(customer.value("id"));
            assertThat(order.value("shipping_address_id")).isEqualTo(address.value("id"));
            assertThat(address.parents()).extracting(r -> r.table().name()).containsExactly("customers");
            assertThat(customer.value("email").orElseThrow()).contains("@");
            assertThat(customer.value("vip")).contains("false");
            assertThat(customer.value("external_id").orElseThrow()).hasSize(36);
            assertThat(customer.value("preferences")).isPresent();
            assertThat(customer.value("tags")).contains("{}");
            assertThat(customer.value("nickname")).isEmpty();
            assertThat(address.value("zip").orElseThrow()).hasSize(5);
        }
    }

    @Test
    void followsCompositeForeignKeys() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            Row note = Rows.in(db).insert("line_notes", "note", "fragile");

            Row line = note.parents().get(0);
            assertThat(line.table().name()).isEqualTo("order_lines");
            assertThat(List.of(note.value("order_id"), note.value("line")))
                    .isEqualTo(List.of(line.value("order_id"), line.value("line")));
        }
    }

    @Test
    void makesUpFreshValuesForUniqueColumnsRowAfterRow() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            Rows rows = Rows.in(db);
            List<Row> customers = rows.insertEach("customers", "name", "Ada", "Grace", "Edsger", "Barbara");
            customers.addAll(Rows.in(db).insertEach("customers", "name", "Alan", "Donald"));

            assertThat(customers).extracting(c -> c.value("email").orElseThrow()).doesNotHaveDuplicates()
                    .allMatch(e -> e.contains("@"));
        }
    }

    @Test
    void usesAnExistingParentAndCreatesAMissingOneWithTheKeyGiven() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            Row customer = Rows.in(db).insert("customers", "name", "Ada");

            Row existing = Rows.in(db).insert("addresses", "customer_id", customer.value("id").orElseThrow());
            Row created = Rows.in(db).insert("addresses", "customer_id", 4242);

            assertThat(existing.parents()).isEmpty();
            assertThat(created.parents()).singleElement().satisfies(c -> assertThat(c.value("id")).contains("4242"));
            assertThat(db.query("select count(*) as n from customers")).extracting(r -> r.get("n")).containsExactly(2L);
        }
    }

    @Test
    void aCheckNoMadeUpValueSatisfiesNamesTheConstraint() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            assertThat(catchThrowable(() -> Rows.in(db).insert("vouchers", Map.of()))).hasMessage(
                    "Could not insert a row into public.vouchers: no value tried for public.vouchers.code satisfies"
                            + " check constraint vouchers_code_check CHECK (code ~ '^V[0-9]{6}$'::text). Give the"
                            + " column a value that does, e.g. Rows.in(db).insert(\"public.vouchers\", Map.of(\"code\","
                            + " ...)).");
            assertThat(Rows.in(db).insert("vouchers", "code", "V123456").value("code")).contains("V123456");
        }
    }

    @Test
    void aDomainNoMadeUpValueSatisfiesNamesTheDomainAndItsCheck() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            assertThat(catchThrowable(() -> Rows.in(db).insert("regions", Map.of()))).hasMessage(
                    "Could not insert a row into public.regions: no value made up for column code satisfies domain"
                            + " public.country_code (CHECK (VALUE ~ '^[A-Z]{2}$'::text)). Give it one, e.g."
                            + " Rows.in(db).insert(\"public.regions\", Map.of(\"code\", ...)).");
        }
    }

    @Test
    void aCycleOfNotNullForeignKeysNamesTheCycleAndTheColumnThatBreaksIt() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            assertThat(catchThrowable(() -> Rows.in(db).insert("teams", Map.of()))).hasMessage(
                    "Could not insert a row into public.teams: its NOT NULL foreign keys form a cycle (public.teams ->"
                            + " public.members -> public.teams, through teams_lead_fk, members_team_id_fkey), so no row"
                            + " of it can be created first. Give lead_id the key of an existing public.members row.");
        }
    }

    @Test
    void aTypeItCannotMakeUpNamesTheColumn() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            assertThat(catchThrowable(() -> Rows.in(db).insert("zones", Map.of()))).hasMessage(
                    "Could not insert a row into public.zones: no value can be made up for column area of type polygon."
                            + " Give it one, e.g. Rows.in(db).insert(\"public.zones\", Map.of(\"area\", ...)).");
            assertThat(Rows.in(db).insert("zones", "area", "((0,0),(1,1),(1,0))").value("area")).isPresent();
        }
    }

    @Test
    void namesWhatDoesNotExistOrTakesNoValue() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            assertThat(catchThrowable(() -> Rows.in(db).insert("invoices", Map.of()))).hasMessage(
                    "Could not insert a row into invoices: " + db.name() + " has no table invoices (its tables:"
                            + " public.addresses, public.customers, public.line_notes, public.members,"
                            + " public.order_lines, public.orders, public.regions, public.teams, public.vouchers,"
                            + " public.zones).");
            assertThat(catchThrowable(() -> Rows.in(db).insert("orders", "discount", 5))).hasMessage(
                    "Could not insert a row into public.orders: it has no column discount (its columns: id, customer_id,"
                            + " shipping_address_id, status, total, quantity, priority, created_at, total_with_tax).");
            assertThat(catchThrowable(() -> Rows.in(db).insert("orders", "total_with_tax", 5))).hasMessage(
                    "Could not insert a row into public.orders: column total_with_tax is generated"
                            + " (((total)::numeric * 1.2) stored) and takes no value.");
        }
    }

    @Test
    void aGivenValueTheDatabaseRejectsComesBackWithTheServersError() {
        try (MigrationDatabase db = Databases.at(SHOP, "1")) {
            assertThat(catchThrowable(() -> Rows.in(db).insert("orders", "quantity", 99))).hasMessageStartingWith(
                    "Could not insert a row into public.orders with quantity = '99': ERROR 23514: new row for relation"
                            + " \"orders\" violates check constraint \"orders_quantity_check\" (Failing row contains (");
        }
    }
}
