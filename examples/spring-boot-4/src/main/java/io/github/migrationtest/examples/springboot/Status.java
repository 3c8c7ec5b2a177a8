package io.github.migrationtest.examples.springboot;

/** The state of a ticket, stored by name. */
public enum Status {
    OPEN, CLOSED
}
