package io.github.migrationtest.junit;

import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The state a parameter asks its database to be in: empty, at the chain's head, or after a given
 * migration. Parameters of one test that ask for the same state share one database.
 *
 * @param target the last migration applied; empty with {@code migrated} for the head
 * @param migrated whether any migration is applied
 * @param start the dump files the database starts from (a parameter's {@link StartFrom}); empty for the
 *     class's start
 */
record DatabaseState(Optional<String> target, boolean migrated, List<String> start) {

    static final DatabaseState EMPTY = new DatabaseState(Optional.empty(), false);
    static final DatabaseState HEAD = new DatabaseState(Optional.empty(), true);

    DatabaseState(Optional<String> target, boolean migrated) {
        this(target, migrated, List.of());
    }

    static DatabaseState at(String version) {
        return new DatabaseState(Optional.of(version), true);
    }

    static DatabaseState of(Parameter parameter) {
        DatabaseState state = stateOf(parameter);
        return AnnotationSupport.findAnnotation(parameter, StartFrom.class)
                .map(from -> new DatabaseState(state.target(), state.migrated(), List.of(from.value())))
                .orElse(state);
    }

    private static DatabaseState stateOf(Parameter parameter) {
        Optional<At> at = AnnotationSupport.findAnnotation(parameter, At.class);
        if (at.isPresent()) {
            return new DatabaseState(Optional.of(at.get().value()), true);
        }
        if (AnnotationSupport.isAnnotated(parameter, Migrated.class)) {
            return HEAD;
        }
        Class<?> type = parameter.getType();
        // A plain DataSource or Connection is for code under test, which wants the schema in place.
        return type == DataSource.class || type == Connection.class ? HEAD : EMPTY;
    }

    String key() {
        return (migrated ? target.map(t -> "at:" + t).orElse("head") : "empty")
                + (start.isEmpty() ? "" : " from " + String.join("+", start));
    }
}
