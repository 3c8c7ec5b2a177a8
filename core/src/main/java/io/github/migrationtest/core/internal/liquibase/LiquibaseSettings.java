package io.github.migrationtest.core.internal.liquibase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The settings of a {@link LiquibaseChain}, free of Liquibase types so that the chain loads without Liquibase. */
record LiquibaseSettings(String changelog, List<String> contexts, Optional<String> labels,
        Map<String, String> parameters, Optional<String> defaultSchema, Optional<String> liquibaseSchema,
        List<String> searchPath, ClassLoader classLoader) {

    LiquibaseSettings {
        contexts = List.copyOf(contexts);
        parameters = Map.copyOf(parameters);
        searchPath = List.copyOf(searchPath);
    }

    /** The settings that change what a migration does, in a stable text form (no class loader). */
    String canonical() {
        return "changelog=" + changelog + "\ncontexts=" + contexts + "\nlabels=" + labels.orElse("")
                + "\nparameters=" + new TreeMap<>(parameters) + "\ndefaultSchema=" + defaultSchema.orElse("")
                + "\nliquibaseSchema=" + liquibaseSchema.orElse("") + "\nsearchPath=" + searchPath;
    }
}
