package io.github.migrationtest.examples.springboot;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.spring.SpringMigrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application's repository on the migrated clone, and a broken state reproduced through the application. */
@SpringMigrationTest
class TicketRepositoryTests {

    @Autowired
    TicketRepository tickets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectProvider<Flyway> bootsFlyway;

    @Test
    void theRepositoryWorksOnTheMigratedSchema() {
        tickets.save(new Ticket("printer on fire", Status.OPEN));
        tickets.save(new Ticket("coffee machine", Status.CLOSED));

        assertThat(tickets.findByStatus(Status.OPEN)).extracting(Ticket::getTitle).containsExactly("printer on fire");
    }

    @Test
    void bootsOwnFlywayDoesNotMigrateTheTestsDatabaseAgain() {
        assertThat(bootsFlyway.getIfAvailable()).isNull();
    }

    @Test
    void everyTestStartsFromAnEmptyMigratedDatabase() {
        assertThat(tickets.count()).isZero();
    }

    @Test
    void aStatusTheApplicationNeverKnewStopsV2(@At("1") MigrationDatabase db) {
        // Production at V1 let any text in; an old client wrote a status in its own words.
        jdbc.update("insert into ticket (title, status) values ('legacy', 'Open')");

        MigrationResult result = db.migrate();

        assertThat(result).failedAt("2").withSqlState("23514");
    }
}
