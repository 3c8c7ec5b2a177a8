package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
class MigrationTestExtensionTests {

    private String beforeEachDatabase;

    @BeforeEach
    void rememberDatabase(@Migrated MigrationDatabase db) {
        beforeEachDatabase = db.name();
    }

    @Test
    void anUnannotatedDatabaseIsEmptyWithTheChainBound(MigrationDatabase db) {
        assertThat(db.history()).isEmpty();

        MigrationResult result = db.migrate();

        assertThat(result.failure()).isEmpty();
        assertThat(result.appliedIds()).containsExactly("1", "2", "3");
        assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2", "3");
    }

    @Test
    void aMigratedDatabaseIsAtTheHeadAndMigratesNothing(@Migrated MigrationDatabase db) {
        assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2", "3");
        assertThat(db.migrate().applied()).isEmpty();
    }

    @Test
    void aDatabaseAtAVersionHoldsTheChainUpToIt(@At("1") MigrationDatabase db) {
        assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1");
        assertThat(db.query("select to_regclass('sessions') as sessions").get(0)).containsEntry("sessions", null);

        assertThat(db.migrateTo("2").appliedIds()).containsExactly("2");
    }

    @Test
    void parametersAskingForTheSameStateShareOneDatabase(@Migrated MigrationDatabase db, DataSource dataSource)
            throws Exception {
        assertThat(db.name()).isEqualTo(beforeEachDatabase);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
    }

    @Test
    void parametersAskingForDifferentStatesGetDifferentDatabases(MigrationDatabase empty, @Migrated MigrationDatabase head) {
        assertThat(empty.name()).isNotEqualTo(head.name());
    }
}
