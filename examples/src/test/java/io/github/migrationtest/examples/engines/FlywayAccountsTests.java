package io.github.migrationtest.examples.engines;

import io.github.migrationtest.junit.MigrationTest;

// tag::flyway[]
@MigrationTest(flyway = "classpath:engines/flyway", postgres = {"15", "17"})
class FlywayAccountsTests extends AccountsChainBehaviour {
}
// end::flyway[]
