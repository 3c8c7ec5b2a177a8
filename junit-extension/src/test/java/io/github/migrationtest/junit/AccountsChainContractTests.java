package io.github.migrationtest.junit;

/** The whole standard suite on a small chain, by implementing one interface. */
@MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
class AccountsChainContractTests implements MigrationChainContract {
}
