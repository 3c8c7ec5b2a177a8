package io.github.migrationtest.assertions.internal;

import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.Routine;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Resolves the names tests give: {@code auth.users} is qualified; {@code users} means {@code public.users}, or
 * the only {@code users} of any schema; several and none in {@code public} is ambiguous.
 */
public final class Names {

    private static final int LISTED = 20;

    private Names() {
    }

    /**
     * Looks up a schema-level object.
     *
     * @param kind the kind in words, e.g. {@code table}
     * @param plural the kind in the plural, e.g. {@code tables}
     * @param method the navigation method, for the hint on ambiguous names, e.g. {@code table}
     * @param requested the name the test gave
     * @param candidates every object of the kind
     * @param nameOf the name of an object
     * @param schemas the schemas of the snapshot
     */
    public static <T> Lookup<T> resolve(String kind, String plural, String method, String requested,
            List<T> candidates, Function<T, QualifiedName> nameOf, List<String> schemas) {
        if (requested.contains(".")) {
            QualifiedName wanted = QualifiedName.parse(requested);
            return candidates.stream().filter(c -> nameOf.apply(c).equals(wanted)).findFirst()
                    .map(c -> Lookup.found(kind, wanted.toString(), c))
                    .orElseGet(() -> Lookup.missing(kind, wanted.toString(),
                            context(plural, wanted.schema(), candidates, nameOf, schemas)));
        }
        List<T> matches = candidates.stream().filter(c -> nameOf.apply(c).name().equals(requested))
                .collect(Collectors.toList());
        List<QualifiedName> names = matches.stream().map(nameOf).distinct().collect(Collectors.toList());
        if (names.contains(new QualifiedName("public", requested)) || names.size() == 1) {
            QualifiedName name = names.contains(new QualifiedName("public", requested))
                    ? new QualifiedName("public", requested) : names.get(0);
            T first = matches.stream().filter(c -> nameOf.apply(c).equals(name)).findFirst().orElseThrow();
            return Lookup.found(kind, name.toString(), first);
        }
        if (matches.isEmpty()) {
            return Lookup.missing(kind, "public." + requested, context(plural, "public", candidates, nameOf, schemas));
        }
        List<String> where = names.stream().map(QualifiedName::toString).sorted().collect(Collectors.toList());
        return Lookup.ambiguous(kind, requested, "The " + kind + " name \"" + requested + "\" is ambiguous: "
                + "there is none in schema public but " + where.size() + " in other schemas (" + String.join(", ", where)
                + "). Qualify the name, e.g. " + method + "(\"" + where.get(0) + "\").");
    }

    /**
     * Looks up a function or procedure by {@code name}, {@code name(argument types)} or either qualified.
     *
     * @param kind {@code function} or {@code procedure}
     * @param requested what the test gave, e.g. {@code add(integer, integer)}
     * @param routines the routines of that kind
     * @param schemas the schemas of the snapshot
     */
    public static Lookup<Routine> routine(String kind, String requested, List<Routine> routines, List<String> schemas) {
        int paren = requested.indexOf('(');
        String name = paren < 0 ? requested.strip() : requested.substring(0, paren).strip();
        Lookup<Routine> byName = resolve(kind, kind + "s", kind, name, routines, Routine::name, schemas);
        if (paren < 0 && byName.ambiguity().isPresent()) {
            return byName;
        }
        QualifiedName qualified = byName.value().map(Routine::name)
                .orElseGet(() -> name.contains(".") ? QualifiedName.parse(name) : new QualifiedName("public", name));
        List<Routine> overloads = routines.stream().filter(r -> r.name().equals(qualified))
                .collect(Collectors.toList());
        if (paren >= 0) {
            String arguments = requested.substring(paren + 1, requested.lastIndexOf(')') < 0 ? requested.length()
                    : requested.lastIndexOf(')'));
            String signature = qualified + "(" + arguments.strip() + ")";
            Predicate<Routine> sameArguments = r -> squeeze(r.identityArguments()).equals(squeeze(arguments));
            return overloads.stream().filter(sameArguments).findFirst()
                    .map(r -> Lookup.found(kind, r.signature(), r))
                    .orElseGet(() -> Lookup.missing(kind, signature, overloads.isEmpty()
                            ? context(kind + "s", qualified.schema(), routines, Routine::name, schemas)
                            : "Its overloads are: " + signatures(overloads) + "."));
        }
        if (overloads.size() > 1) {
            return Lookup.ambiguous(kind, qualified.toString(), "The " + kind + " " + qualified + " has "
                    + overloads.size() + " overloads: " + signatures(overloads) + ". Give the argument types, e.g. "
                    + kind + "(\"" + overloads.get(0).signature() + "\").");
        }
        return overloads.isEmpty() ? byName : Lookup.found(kind, overloads.get(0).signature(), overloads.get(0));
    }

    /**
     * Looks up an object of a table by its exact name.
     *
     * @param kind e.g. {@code column}
     * @param plural e.g. {@code columns}
     * @param name the name messages give the object, e.g. {@code public.users.email}
     * @param owner how messages name its table, e.g. {@code table public.users}
     * @param requested the name the test gave
     * @param candidates the table's objects of that kind
     * @param nameOf the name of an object
     */
    public static <T> Lookup<T> member(String kind, String plural, String name, String owner, String requested,
            List<T> candidates, Function<T, String> nameOf) {
        return candidates.stream().filter(c -> nameOf.apply(c).equals(requested)).findFirst()
                .map(c -> Lookup.found(kind, name, c))
                .orElseGet(() -> Lookup.missing(kind, name, candidates.isEmpty()
                        ? capitalize(owner) + " has no " + plural + "."
                        : capitalize(plural) + " of " + owner + ": " + listed(candidates.stream().map(nameOf)
                                .collect(Collectors.toList())) + "."));
    }

    private static <T> String context(String plural, String schema, List<T> candidates,
            Function<T, QualifiedName> nameOf, List<String> schemas) {
        if (!schemas.contains(schema)) {
            return "The snapshot has no schema " + schema + "; its schemas are: " + listed(schemas) + ".";
        }
        List<String> names = candidates.stream().map(nameOf).filter(n -> n.schema().equals(schema))
                .map(QualifiedName::name).distinct().sorted().collect(Collectors.toList());
        return names.isEmpty() ? "Schema " + schema + " has no " + plural + "."
                : capitalize(plural) + " in schema " + schema + ": " + listed(names) + ".";
    }

    private static String signatures(List<Routine> overloads) {
        return overloads.stream().map(Routine::signature).collect(Collectors.joining(", "));
    }

    private static String squeeze(String text) {
        return text.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() > LISTED ? shown + ", ... (" + names.size() + " in all)" : shown;
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
