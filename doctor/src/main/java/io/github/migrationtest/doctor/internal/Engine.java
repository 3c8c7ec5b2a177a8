package io.github.migrationtest.doctor.internal;

import io.github.migrationtest.core.engine.MigrationChain;

/** The engine of a chain, for the commands a fix names. */
enum Engine {
    FLYWAY,
    LIQUIBASE;

    static Engine of(MigrationChain chain) {
        return chain.engine().startsWith("Liquibase") ? LIQUIBASE : FLYWAY;
    }
}
