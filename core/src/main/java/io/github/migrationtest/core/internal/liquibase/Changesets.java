package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.SqlErrors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import liquibase.changelog.ChangeSet;

/** Turns Liquibase changesets into {@link Migration}s. */
final class Changesets {

    private static final ChecksumMethod CHECKSUM = ChecksumMethod.find();

    private Changesets() {
    }

    static Migration toMigration(ChangeSet changeSet) {
        return new Migration(changeSet.getId(), description(changeSet), changeSet.getFilePath(),
                Optional.of(checksum(changeSet)), Optional.of(changeSet.getAuthor()));
    }

    /** Liquibase's own identifier of a changeset, {@code file::id::author}. */
    static String identifier(ChangeSet changeSet) {
        return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }

    /** The comment's first line if the changeset has one, else Liquibase's summary of its changes. */
    static String description(ChangeSet changeSet) {
        String comments = changeSet.getComments();
        if (comments != null && !comments.isBlank()) {
            return comments.strip().lines().findFirst().orElse("").strip();
        }
        String summary = changeSet.getDescription();
        return summary == null || "empty".equals(summary) ? "" : summary;
    }

    /** What kind of file holds the changeset, for messages that show its syntax. */
    static String format(ChangeSet changeSet) {
        String path = changeSet.getFilePath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".sql")) {
            return "sql";
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return "yaml";
        }
        if (path.endsWith(".json")) {
            return "json";
        }
        return "xml";
    }

    private static String checksum(ChangeSet changeSet) {
        try {
            return String.valueOf(CHECKSUM.invoke(changeSet));
        } catch (RuntimeException e) {
            throw new MigrationTestConfigurationException("Liquibase cannot compute the checksum of changeset "
                    + identifier(changeSet) + ": " + SqlErrors.messageChain(e), e);
        }
    }

    /**
     * {@code generateCheckSum(ChecksumVersion)} since Liquibase 4.22, {@code generateCheckSum()} before:
     * looked up once, by reflection, so that one build works with both.
     */
    private record ChecksumMethod(Method method, Optional<Object> version) {

        static ChecksumMethod find() {
            try {
                Class<?> versionType = Class.forName("liquibase.ChecksumVersion", true, ChangeSet.class.getClassLoader());
                return new ChecksumMethod(ChangeSet.class.getMethod("generateCheckSum", versionType),
                        Optional.of(versionType.getMethod("latest").invoke(null)));
            } catch (ClassNotFoundException e) {
                try {
                    return new ChecksumMethod(ChangeSet.class.getMethod("generateCheckSum"), Optional.empty());
                } catch (NoSuchMethodException none) {
                    throw new IllegalStateException("This Liquibase offers no ChangeSet.generateCheckSum()", none);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("This Liquibase has ChecksumVersion but not its generateCheckSum", e);
            }
        }

        Object invoke(ChangeSet changeSet) {
            try {
                return version.isPresent() ? method.invoke(changeSet, version.get()) : method.invoke(changeSet);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
