package io.github.migrationtest.assertions.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * The name of a schema object together with the schema that holds it, e.g. {@code auth.users}.
 *
 * @param schema the schema, e.g. {@code public}
 * @param name the object's name within the schema
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    private static final Comparator<QualifiedName> ORDER = Comparator.comparing(QualifiedName::schema)
            .thenComparing(QualifiedName::name);

    /** Validates the components. */
    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code schema.name}; a name without a dot is taken to be in {@code public}.
     *
     * @param qualifiedName e.g. {@code auth.users} or {@code users}
     */
    public static QualifiedName parse(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? new QualifiedName("public", qualifiedName)
                : new QualifiedName(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    /** The name as messages and the canonical text print it: {@code schema.name}. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
