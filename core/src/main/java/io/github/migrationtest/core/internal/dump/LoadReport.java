package io.github.migrationtest.core.internal.dump;

import java.util.List;

/**
 * What loading a dump did besides running its statements.
 *
 * @param statements how many statements and COPY blocks ran
 * @param skipped the statements left out because they name a role the server lacks, as {@code source:line: statement}
 * @param createdRoles the roles created for the dump
 */
public record LoadReport(int statements, List<String> skipped, List<String> createdRoles) {

    /** Copies the lists. */
    public LoadReport {
        skipped = List.copyOf(skipped);
        createdRoles = List.copyOf(createdRoles);
    }
}
