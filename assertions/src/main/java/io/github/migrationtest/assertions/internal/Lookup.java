package io.github.migrationtest.assertions.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of looking an object up by the name a test gave: found, missing (with what does exist nearby)
 * or ambiguous.
 *
 * @param kind the kind of object in words, e.g. {@code table}
 * @param name the (qualified) name the object has or would have, e.g. {@code public.users}
 * @param value the object, if found
 * @param missingContext for a missing object, a sentence on what does exist, e.g. {@code Tables in schema public: a, b.}
 * @param ambiguity for an ambiguous name, the whole message that explains it
 * @param <T> the type of object
 */
public record Lookup<T>(String kind, String name, Optional<T> value, String missingContext, Optional<String> ambiguity) {

    /** Validates the components. */
    public Lookup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(missingContext, "missingContext");
        Objects.requireNonNull(ambiguity, "ambiguity");
    }

    /** A found object. */
    public static <T> Lookup<T> found(String kind, String name, T value) {
        return new Lookup<>(kind, name, Optional.of(value), "", Optional.empty());
    }

    /** A missing object. */
    public static <T> Lookup<T> missing(String kind, String name, String context) {
        return new Lookup<>(kind, name, Optional.empty(), context, Optional.empty());
    }

    /** A name that matches several objects. */
    public static <T> Lookup<T> ambiguous(String kind, String name, String message) {
        return new Lookup<>(kind, name, Optional.empty(), "", Optional.of(message));
    }

    /** How messages name the object, e.g. {@code table public.users}. */
    public String subject() {
        return kind + " " + name;
    }

    /** Whether the object was found. */
    public boolean exists() {
        return value.isPresent();
    }
}
