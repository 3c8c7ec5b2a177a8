package io.github.migrationtest.assertions.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One object of the canonical schema tree: a kind, a name, attributes (plain strings) and child objects. The
 * tree is what the canonical text prints and parses, and what {@link TreeDiff} compares, so a snapshot and a
 * committed text compare the same way.
 */
public final class Node {

    /** Top-level kinds, in the order the canonical text lists them. */
    static final List<String> TOP_KINDS = List.of("extension", "schema", "enum", "domain", "sequence", "table",
            "view", "materialized view", "function", "aggregate", "window function", "procedure");

    /** Kinds of child objects of tables and views, in the order the canonical text lists them. */
    static final List<String> CHILD_KINDS = List.of("column", "constraint", "index", "trigger");

    /** Attributes that are either present (true) or absent, printed as a bare key. */
    static final Map<String, String> FLAGS_AND_OPPOSITES = Map.of("not null", "nullable", "cycle", "no cycle",
            "foreign", "not foreign", "unlogged", "logged", "row level security", "without row level security",
            "invalid", "valid", "disabled", "enabled", "not populated", "populated");

    static final String TRUE = "true";

    private final String kind;
    private final String name;
    private final Node parent;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Node> children = new ArrayList<>();

    Node(String kind, String name, Node parent) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    String kind() {
        return kind;
    }

    String name() {
        return name;
    }

    /** How messages name the object, e.g. {@code column public.users.email} or {@code index public.users_pkey}. */
    String subject() {
        if (parent == null) {
            return kind + " " + name;
        }
        if (kind.equals("index")) {
            String parentName = parent.name;
            int dot = parentName.indexOf('.');
            return kind + " " + (dot < 0 ? "" : parentName.substring(0, dot + 1)) + name;
        }
        return kind + " " + parent.name + "." + name;
    }

    String key() {
        return kind + " " + name;
    }

    Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    List<Node> children() {
        return Collections.unmodifiableList(children);
    }

    Node attribute(String key, String value) {
        attributes.put(key, normalize(value));
        return this;
    }

    Node flag(String key, boolean set) {
        if (set) {
            attributes.put(key, TRUE);
        }
        return this;
    }

    static boolean isFlag(String key) {
        return FLAGS_AND_OPPOSITES.containsKey(key);
    }

    /**
     * Strips what editors and git may change: trailing blanks of lines, blank lines at either end, CR.
     */
    static String normalize(String value) {
        List<String> lines = value.replace("\r\n", "\n").replace('\r', '\n').lines()
                .map(String::stripTrailing).collect(Collectors.toCollection(ArrayList::new));
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    static int order(String kind) {
        int top = TOP_KINDS.indexOf(kind);
        return top >= 0 ? top : 100 + CHILD_KINDS.indexOf(kind);
    }

    @Override
    public String toString() {
        return subject();
    }
}
