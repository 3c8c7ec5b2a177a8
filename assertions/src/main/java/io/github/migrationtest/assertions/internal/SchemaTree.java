package io.github.migrationtest.assertions.internal;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.Constraint;
import io.github.migrationtest.assertions.schema.Domain;
import io.github.migrationtest.assertions.schema.DomainCheck;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.Extension;
import io.github.migrationtest.assertions.schema.Generation;
import io.github.migrationtest.assertions.schema.Identity;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.Routine;
import io.github.migrationtest.assertions.schema.Schema;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.Sequence;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.assertions.schema.TableKind;
import io.github.migrationtest.assertions.schema.Trigger;
import io.github.migrationtest.assertions.schema.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a {@link SchemaSnapshot} into the tree of {@link Node}s that the canonical text prints. */
public final class SchemaTree {

    private final List<Node> roots = new ArrayList<>();

    private SchemaTree() {
    }

    /** The snapshot's objects as a sorted tree; the history is not part of it. */
    public static List<Node> of(SchemaSnapshot snapshot) {
        SchemaTree tree = new SchemaTree();
        snapshot.extensions().forEach(tree::extension);
        snapshot.schemas().forEach(tree::schema);
        snapshot.enums().forEach(tree::enumType);
        snapshot.domains().forEach(tree::domain);
        snapshot.sequences().forEach(tree::sequence);
        snapshot.tables().forEach(tree::table);
        snapshot.views().forEach(tree::view);
        snapshot.routines().forEach(tree::routine);
        return sorted(tree.roots);
    }

    static List<Node> sorted(List<Node> roots) {
        return roots.stream().sorted(Comparator.comparingInt((Node n) -> Node.order(n.kind())).thenComparing(Node::name))
                .collect(Collectors.toUnmodifiableList());
    }

    /** How enum labels are printed: SQL literals separated by commas, e.g. {@code 'tech', 'retail'}. */
    public static String labels(List<String> labels) {
        return labels.stream().map(SchemaTree::literal).collect(Collectors.joining(", "));
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private Node root(String kind, String name) {
        Node node = new Node(kind, name, null);
        roots.add(node);
        return node;
    }

    private void extension(Extension extension) {
        Node node = root("extension", extension.name()).attribute("version", extension.version())
                .attribute("schema", extension.schema());
        comment(node, extension.comment());
    }

    private void schema(Schema schema) {
        comment(root("schema", schema.name()), schema.comment());
    }

    private void enumType(EnumType type) {
        comment(root("enum", type.name().toString()).attribute("labels", labels(type.labels())), type.comment());
    }

    private void domain(Domain domain) {
        Node node = root("domain", domain.name().toString()).attribute("type", domain.baseType())
                .flag("not null", domain.notNull());
        domain.defaultExpression().ifPresent(d -> node.attribute("default", d));
        domain.collation().ifPresent(c -> node.attribute("collation", c));
        for (DomainCheck check : domain.checks()) {
            node.attribute("check " + check.name(), check.definition());
        }
        comment(node, domain.comment());
    }

    private void sequence(Sequence sequence) {
        Node node = root("sequence", sequence.name().toString()).attribute("type", sequence.dataType())
                .attribute("start", Long.toString(sequence.start()))
                .attribute("increment", Long.toString(sequence.increment()))
                .attribute("min", Long.toString(sequence.minValue()))
                .attribute("max", Long.toString(sequence.maxValue()))
                .attribute("cache", Long.toString(sequence.cache()))
                .flag("cycle", sequence.cycle());
        sequence.ownedBy().ifPresent(o -> node.attribute("owned by", o));
        comment(node, sequence.comment());
    }

    private void table(Table table) {
        Node node = root("table", table.name().toString()).flag("foreign", table.kind() == TableKind.FOREIGN_TABLE);
        table.partitionKey().ifPresent(k -> node.attribute("partition by", k));
        table.partitionOf().ifPresent(p -> node.attribute("partition of", p.toString()));
        table.partitionBound().ifPresent(b -> node.attribute("partition bound", b));
        node.flag("unlogged", table.unlogged()).flag("row level security", table.rowLevelSecurity());
        if (!table.options().isEmpty()) {
            node.attribute("options", String.join(", ", table.options()));
        }
        comment(node, table.comment());
        table.columns().forEach(c -> column(node, c));
        for (Constraint constraint : table.constraints()) {
            comment(new Node("constraint", constraint.name(), node).attribute("definition", constraint.definition()),
                    constraint.comment());
        }
        table.indexes().forEach(i -> index(node, i));
        table.triggers().forEach(t -> trigger(node, t));
    }

    private static void column(Node table, Column column) {
        Node node = new Node("column", column.name(), table).attribute("type", column.type())
                .flag("not null", column.notNull());
        column.defaultExpression().ifPresent(d -> node.attribute("default", d));
        column.identity().map(Identity::text).ifPresent(i -> node.attribute("identity", i));
        column.generation().map(Generation::text).ifPresent(g -> node.attribute("generated", g));
        column.collation().ifPresent(c -> node.attribute("collation", c));
        comment(node, column.comment());
    }

    private static void index(Node parent, Index index) {
        Node node = new Node("index", index.name().name(), parent).attribute("definition", index.definition())
                .flag("invalid", !index.valid());
        comment(node, index.comment());
    }

    private static void trigger(Node parent, Trigger trigger) {
        Node node = new Node("trigger", trigger.name(), parent).attribute("definition", trigger.definition())
                .flag("disabled", !trigger.enabled());
        comment(node, trigger.comment());
    }

    private void view(View view) {
        Node node = root(view.kind(), view.name().toString()).attribute("definition", view.definition())
                .flag("not populated", view.materialized() && !view.populated());
        comment(node, view.comment());
        view.indexes().forEach(i -> index(node, i));
        view.triggers().forEach(t -> trigger(node, t));
    }

    private void routine(Routine routine) {
        Node node = root(routine.kind().text(), routine.signature());
        routine.returns().ifPresent(r -> node.attribute("returns", r));
        node.attribute("language", routine.language());
        routine.definition().ifPresent(d -> node.attribute("definition", d));
        comment(node, routine.comment());
    }

    private static void comment(Node node, Optional<String> comment) {
        comment.ifPresent(c -> node.attribute("comment", c));
    }
}
