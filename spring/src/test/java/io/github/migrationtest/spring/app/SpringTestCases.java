package io.github.migrationtest.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.spring.SpringMigrationTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/** Fixtures launched by SpringMigrationTestTests. */
public class SpringTestCases {

    /** 20 tests, each writing through the application on a database of its own. */
    @SpringMigrationTest
    public static class TwentyTests {
        @Autowired
        TicketsApplication.Tickets tickets;

        @RepeatedTest(20)
        void opensATicketOnItsOwnDatabase() {
            tickets.open("printer on fire");
            assertThat(tickets.count()).isEqualTo(1);
            assertThat(tickets.priorityOf("printer on fire")).isEqualTo("normal");
        }
    }

    /** Same configuration as TwentyTests: the same cached context; a test at version 1 sees that state. */
    @SpringMigrationTest
    public static class AtAnEarlierVersion {
        @Autowired
        TicketsApplication.Tickets tickets;

        @Test
        void theContextFollowsTheAtState(@At("1") MigrationDatabase db) {
            assertThat(db.query("select count(*) as n from information_schema.columns where table_name = 'tickets'"
                    + " and column_name = 'priority'").get(0)).containsEntry("n", 0L);
            tickets.jdbc().update("insert into tickets (title) values ('before V2')");
            assertThat(db.migrate().appliedIds()).containsExactly("2");
            assertThat(tickets.priorityOf("before V2")).isEqualTo("normal");
        }
    }

    /** The legacy profile's placeholder reaches the chain. */
    @SpringMigrationTest
    @ActiveProfiles("legacy")
    public static class LegacyProfile {
        @Autowired
        TicketsApplication.Tickets tickets;

        @Test
        void readsThePlaceholderOfTheActiveProfile() {
            tickets.open("old");
            assertThat(tickets.priorityOf("old")).isEqualTo("low");
        }
    }
}
