package io.github.migrationtest.assertions.internal;

import io.github.migrationtest.assertions.schema.SchemaChange;
import io.github.migrationtest.assertions.schema.SchemaChange.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares two schema trees object by object and attribute by attribute. */
public final class TreeDiff {

    private final List<SchemaChange> changes = new ArrayList<>();

    private TreeDiff() {
    }

    /** The changes from {@code expected} to {@code actual}, in canonical order. */
    public static List<SchemaChange> diff(List<Node> expected, List<Node> actual) {
        TreeDiff diff = new TreeDiff();
        diff.compareLists(expected, actual, true);
        return diff.changes;
    }

    private void compareLists(List<Node> expected, List<Node> actual, boolean top) {
        Map<String, Node> before = byKey(expected);
        Map<String, Node> after = byKey(actual);
        for (String key : unionInOrder(expected, actual, top)) {
            Node was = before.get(key);
            Node is = after.get(key);
            if (was == null) {
                changes.add(new SchemaChange(Type.ADDED, is.subject(), Optional.empty(), Optional.empty(),
                        summary(is)));
            } else if (is == null) {
                changes.add(new SchemaChange(Type.REMOVED, was.subject(), Optional.empty(), summary(was),
                        Optional.empty()));
            } else {
                compareNodes(was, is);
            }
        }
    }

    private void compareNodes(Node was, Node is) {
        Set<String> keys = new LinkedHashSet<>(was.attributes().keySet());
        keys.addAll(is.attributes().keySet());
        for (String key : keys) {
            String before = was.attributes().get(key);
            String after = is.attributes().get(key);
            if (!Objects.equals(before, after)) {
                changes.add(new SchemaChange(Type.CHANGED, is.subject(), Optional.of(key),
                        Optional.ofNullable(before), Optional.ofNullable(after)));
            }
        }
        columnOrder(was, is);
        compareLists(was.children(), is.children(), false);
    }

    /** Reports columns that exist on both sides but in another order (a dump would create them differently). */
    private void columnOrder(Node was, Node is) {
        List<String> before = columnNames(was);
        List<String> after = columnNames(is);
        List<String> commonBefore = before.stream().filter(after::contains).collect(Collectors.toList());
        List<String> commonAfter = after.stream().filter(before::contains).collect(Collectors.toList());
        if (!commonBefore.equals(commonAfter)) {
            changes.add(new SchemaChange(Type.CHANGED, is.subject(), Optional.of("column order"),
                    Optional.of(String.join(", ", commonBefore)), Optional.of(String.join(", ", commonAfter))));
        }
    }

    private static List<String> columnNames(Node node) {
        return node.children().stream().filter(c -> c.kind().equals("column")).map(Node::name)
                .collect(Collectors.toList());
    }

    private static Optional<String> summary(Node node) {
        if (!node.kind().equals("column")) {
            return Optional.empty();
        }
        String type = node.attributes().getOrDefault("type", "");
        return Optional.of(node.attributes().containsKey("not null") ? type + ", not null" : type);
    }

    private static Map<String, Node> byKey(List<Node> nodes) {
        Map<String, Node> map = new LinkedHashMap<>();
        nodes.forEach(n -> map.put(n.key(), n));
        return map;
    }

    /**
     * The keys of both lists: top-level objects sorted as the canonical text sorts them; children in the order
     * of the actual side, with objects only on the expected side placed after their predecessor there.
     */
    private static List<String> unionInOrder(List<Node> expected, List<Node> actual, boolean top) {
        if (top) {
            List<Node> all = new ArrayList<>(actual);
            Set<String> actualKeys = byKey(actual).keySet();
            expected.stream().filter(n -> !actualKeys.contains(n.key())).forEach(all::add);
            return SchemaTree.sorted(all).stream().map(Node::key).distinct().collect(Collectors.toList());
        }
        List<String> order = new ArrayList<>(actual.stream().map(Node::key).collect(Collectors.toList()));
        String previous = null;
        for (Node node : expected) {
            if (!order.contains(node.key())) {
                int at = previous == null ? firstOfKind(order, node.kind()) : order.indexOf(previous) + 1;
                order.add(at, node.key());
            }
            previous = node.key();
        }
        return order;
    }

    private static int firstOfKind(List<String> order, String kind) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith(kind + " ")) {
                return i;
            }
        }
        return order.size();
    }
}
