package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/**
 * Finds the changeset a target names. Liquibase identifies a changeset by file, id and author
 * together, but people name them by id; so a target is, in this order of preference:
 * <ol>
 *   <li>an id ({@code create-users}), if exactly one changeset of the chain has it;</li>
 *   <li>{@code id::author} ({@code create-users::alice});</li>
 *   <li>{@code file::id::author}, as Liquibase prints changesets
 *       ({@code db/changelog/users.yaml::create-users::alice}).</li>
 * </ol>
 * A target that matches several changesets is an error listing them with the form that tells them apart.
 */
final class ChangesetTargets {

    private static final String SEPARATOR = "::";

    private ChangesetTargets() {
    }

    static ChangeSet resolve(List<ChangeSet> changeSets, String target, String chain) {
        List<ChangeSet> byId = matching(changeSets, c -> c.getId().equals(target));
        if (byId.size() == 1) {
            return byId.get(0);
        }
        if (byId.size() > 1) {
            throw ambiguous(target, byId, chain);
        }
        String[] parts = target.split(SEPARATOR, -1);
        List<ChangeSet> qualified = List.of();
        if (parts.length == 2) {
            qualified = matching(changeSets, c -> c.getId().equals(parts[0]) && c.getAuthor().equals(parts[1]));
        } else if (parts.length > 2) {
            String file = String.join(SEPARATOR, Arrays.asList(parts).subList(0, parts.length - 2));
            String id = parts[parts.length - 2];
            String author = parts[parts.length - 1];
            qualified = matching(changeSets, c -> c.getId().equals(id) && c.getAuthor().equals(author)
                    && DatabaseChangeLog.normalizePath(c.getFilePath()).equals(DatabaseChangeLog.normalizePath(file)));
        }
        if (qualified.size() == 1) {
            return qualified.get(0);
        }
        if (qualified.size() > 1) {
            throw ambiguous(target, qualified, chain);
        }
        throw new MigrationTestConfigurationException("The " + chain + " has no changeset '" + target + "'"
                + " (with its contexts and labels). Name one by id, id::author or file::id::author; its changesets are: "
                + changeSets.stream().map(Changesets::identifier).collect(Collectors.joining(", ")) + ".");
    }

    private static List<ChangeSet> matching(List<ChangeSet> changeSets, Predicate<ChangeSet> test) {
        return changeSets.stream().filter(test).collect(Collectors.toUnmodifiableList());
    }

    private static MigrationTestConfigurationException ambiguous(String target, List<ChangeSet> candidates,
            String chain) {
        boolean authorsDiffer = candidates.stream().map(ChangeSet::getAuthor).distinct().count() == candidates.size();
        String how = authorsDiffer
                ? "id::author, e.g. '" + candidates.get(0).getId() + SEPARATOR + candidates.get(0).getAuthor() + "'"
                : "file::id::author, e.g. '" + Changesets.identifier(candidates.get(0)) + "'";
        return new MigrationTestConfigurationException("The target '" + target + "' is ambiguous: " + candidates.size()
                + " changesets of the " + chain + " match it: " + candidates.stream().map(Changesets::identifier)
                .collect(Collectors.joining(", ")) + ". Name the one you mean by " + how + ".");
    }
}
