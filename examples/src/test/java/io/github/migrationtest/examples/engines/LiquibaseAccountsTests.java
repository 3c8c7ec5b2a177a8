package io.github.migrationtest.examples.engines;

import io.github.migrationtest.junit.MigrationTest;

// tag::liquibase[]
@MigrationTest(liquibase = "engines/liquibase/changelog.yaml", postgres = {"15", "17"})
class LiquibaseAccountsTests extends AccountsChainBehaviour {
}
// end::liquibase[]
