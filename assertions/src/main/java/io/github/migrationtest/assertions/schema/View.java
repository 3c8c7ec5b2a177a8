package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view or materialized view.
 *
 * @param name the view's name
 * @param materialized whether it is a materialized view
 * @param definition its query as {@code pg_get_viewdef} prints it
 * @param populated for a materialized view, whether it holds data (false after {@code WITH NO DATA});
 *     always true for a view
 * @param indexes the indexes of a materialized view
 * @param triggers the triggers of a view ({@code INSTEAD OF})
 * @param comment its comment, if any
 */
public record View(QualifiedName name, boolean materialized, String definition, boolean populated,
        List<Index> indexes, List<Trigger> triggers, Optional<String> comment) {

    /** Validates and copies the components. */
    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(comment, "comment");
    }

    /** {@code view} or {@code materialized view}. */
    public String kind() {
        return materialized ? "materialized view" : "view";
    }
}
