package io.github.migrationtest.core.engine;

/** The migration engines migrationtest runs chains with. */
public enum Engine {

    /** Flyway: versioned and repeatable SQL or Java migrations, {@code flyway_schema_history}, an advisory lock. */
    FLYWAY("Flyway"),

    /** Liquibase: changesets in changelogs, {@code DATABASECHANGELOG}, a lock row in {@code DATABASECHANGELOGLOCK}. */
    LIQUIBASE("Liquibase");

    private final String displayName;

    Engine(String displayName) {
        this.displayName = displayName;
    }

    /** The engine's name as its project writes it, e.g. {@code Flyway}. */
    public String displayName() {
        return displayName;
    }
}
