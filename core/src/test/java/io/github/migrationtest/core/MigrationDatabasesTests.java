package io.github.migrationtest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.server.ServerProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The entry point without JUnit: settings resolved once, carried by every database the factory makes. */
class MigrationDatabasesTests {

    @Test
    void buildsDatabasesOfAChainThatCarryTheSettings() {
        // docs/databases.md shows this snippet
        MigrationSettings settings = MigrationSettings.builder()
                .provider(ServerProvider.EMBEDDED)
                .migrationTimeout(Duration.ofSeconds(30))
                .property("flyway.placeholders.owner", "app")
                .build();
        MigrationDatabases databases = MigrationDatabases.builder()
                .flyway("classpath:flyway/undo")
                .settings(settings)
                .postgres(17)
                .build();
        try (MigrationDatabase db = databases.at("2")) {        // a clone of the cached state after V2
            assertThat(db.migrate().appliedIds()).containsExactly("3");
            assertThat(db.settings().migrationTimeout()).isEqualTo(Duration.ofSeconds(30));
        }
        // end of snippet
        try (MigrationDatabase empty = databases.empty(); MigrationDatabase head = databases.migrated()) {
            assertThat(empty.history()).isEmpty();
            assertThat(head.history()).extracting(HistoryEntry::id).containsExactly("1", "2", "3");
        }
        assertThat(databases.provider()).isEqualTo(ServerProvider.EMBEDDED);
        assertThat(databases.migrations()).extracting(Migration::id).containsExactly("1", "2", "3");
    }

    @Test
    void settingsOfTheBuilderWinOverTheMachinesAndAreChecked() {
        MigrationSettings settings = MigrationSettings.builder().updateSnapshots(true).keepFailed(true).postgres(15, 17)
                .build();

        assertThat(settings.updateSnapshots()).isTrue();
        assertThat(settings.keepFailed()).isTrue();
        assertThat(settings.postgresVersions()).containsExactly(15, 17);
        assertThatThrownBy(() -> MigrationSettings.builder().property("migrationtest.migration-timeout", "soon").build())
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageContaining("migrationtest.migration-timeout");
    }

    @Test
    void needsExactlyOneChain() {
        assertThatThrownBy(() -> MigrationDatabases.builder().build())
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("MigrationDatabases.builder() needs exactly one chain: chain(...),"
                        + " flyway(\"classpath:db/migration\") or liquibase(\"db/changelog/master.yaml\"); it has 0.");
    }
}
