package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.Constraint;
import io.github.migrationtest.assertions.schema.ConstraintType;
import io.github.migrationtest.assertions.schema.Domain;
import io.github.migrationtest.assertions.schema.DomainCheck;
import io.github.migrationtest.assertions.schema.ForeignKey;
import io.github.migrationtest.assertions.schema.Identity;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Inserts rows with the values a test cares about and makes up the rest: every other NOT NULL column
 * without a default gets a value of its type that its checks accept, and every NOT NULL foreign key gets
 * a parent row, created the same way (recursively). All rows of one insertion commit together or not at
 * all.
 *
 * <p>It reads the structure once, from a {@link SchemaSnapshot}; the database decides which made-up
 * value fits (a failed attempt is rolled back to a savepoint and the next candidate tried), so checks
 * are never interpreted beyond the constants they mention.
 */
public final class RowFiller {

    private static final int MOST_ATTEMPTS = 200;
    private static final int FRESH_VALUES = 3;

    private final MigrationDatabase database;
    private final SchemaSnapshot schema;
    private final Map<String, Boolean> validity = new HashMap<>();
    private int counter;

    /** A filler for the database as it is now. */
    public RowFiller(MigrationDatabase database) {
        this.database = database;
        this.schema = SchemaSnapshot.of(database.dataSource(),
                SnapshotOptions.defaults().withHistoryTables(unqualified(database.chain().engineHistory().table())));
    }

    /** A row as inserted: its table, every column's value as text (null where NULL), and the parents created for it. */
    public record InsertedRow(QualifiedName table, Map<String, String> values, String ctid, List<InsertedRow> parents) {
    }

    /** The snapshot the filler reads the structure from. */
    public SchemaSnapshot schema() {
        return schema;
    }

    /** What a column's type is, as the filler reads it. */
    public ColumnType type(Column column) {
        return ColumnType.of(column.type(), schema);
    }

    /**
     * Inserts one row into the table with the given values (by column; a null value inserts NULL) and
     * made-up values for the other NOT NULL columns, creating parent rows as its foreign keys need.
     *
     * @throws MigrationTestException naming the table, column or constraint that stopped it
     */
    public InsertedRow insert(String tableName, Map<String, ?> given) {
        return insert(tableName, given, Set.of());
    }

    /**
     * Inserts one row like {@link #insert(String, Map)}, making up values also for the named nullable columns.
     */
    public InsertedRow insert(String tableName, Map<String, ?> given, Set<String> alsoMakeUp) {
        Table table = table(tableName);
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((column, value) -> values.put(column, SqlValues.text(value)));
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                InsertedRow row = insert(connection, table, values, alsoMakeUp, new ArrayList<>(List.of(table.name())),
                        new ArrayList<>());
                connection.commit();
                return row;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MigrationTestException("Could not insert a row into " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes rows this filler inserted, by their physical address; their parents stay. */
    public void delete(List<InsertedRow> rows) {
        for (InsertedRow row : rows) {
            database.execute("DELETE FROM " + Sql.name(row.table()) + " WHERE ctid = " + Sql.literal(row.ctid())
                    + "::tid");
        }
    }

    private Table table(String name) {
        Optional<Table> table;
        try {
            table = schema.table(name);
        } catch (IllegalArgumentException ambiguous) {
            throw new MigrationTestException("Could not insert a row into " + name + ": " + ambiguous.getMessage());
        }
        return table.orElseThrow(() -> new MigrationTestException("Could not insert a row into " + name + ": "
                + database.name() + " has no table " + name + " (its tables: " + schema.tables().stream()
                .map(t -> t.name().toString()).collect(Collectors.joining(", ")) + ")."));
    }

    private Table table(QualifiedName name) {
        return schema.tables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new MigrationTestException("Could not insert a row into " + name + ": "
                        + database.name() + " has no table " + name + "."));
    }

    /**
     * Inserts a row and, first, the parents it needs.
     *
     * @param path the tables whose rows wait for this one, from the row asked for; {@code constraints} holds the
     *     foreign keys between them
     */
    private InsertedRow insert(Connection connection, Table table, Map<String, String> given, Set<String> alsoMakeUp,
            List<QualifiedName> path, List<Constraint> constraints) throws SQLException {
        for (String column : given.keySet()) {
            Column c = table.column(column).orElseThrow(() -> new MigrationTestException("Could not insert a row into "
                    + table.name() + ": it has no column " + column + " (its columns: "
                    + String.join(", ", table.columnNames()) + ")."));
            if (c.generation().isPresent()) {
                throw new MigrationTestException("Could not insert a row into " + table.name() + ": column " + column
                        + " is generated (" + c.generation().get().text() + ") and takes no value.");
            }
        }
        Map<String, String> values = new LinkedHashMap<>(given);
        List<InsertedRow> parents = new ArrayList<>();
        for (Constraint foreignKey : table.constraints(ConstraintType.FOREIGN_KEY)) {
            parent(connection, table, foreignKey, given, path, constraints).ifPresent(parent -> {
                parents.add(parent.row());
                values.putAll(parent.keyValues());
            });
        }
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (!values.containsKey(column.name()) && (needsValue(column) || alsoMakeUp.contains(column.name()))) {
                candidates.put(column.name(), candidates(connection, table, column));
            }
        }
        return attempt(connection, table, values, candidates, given, parents);
    }

    private record Parent(InsertedRow row, Map<String, String> keyValues) {
    }

    /**
     * The parent row a foreign key needs: none if its columns are nullable and not given; the existing row
     * if the given values name one; else a new one.
     */
    private Optional<Parent> parent(Connection connection, Table table, Constraint constraint, Map<String, String> given,
            List<QualifiedName> path, List<Constraint> constraints) throws SQLException {
        ForeignKey foreignKey = constraint.foreignKey().orElseThrow();
        List<String> columns = constraint.columns();
        boolean required = columns.stream().anyMatch(c -> table.column(c).map(Column::notNull).orElse(false));
        boolean anyGiven = columns.stream().anyMatch(given::containsKey);
        if (!required && !anyGiven || columns.stream().anyMatch(c -> given.containsKey(c) && given.get(c) == null)) {
            return Optional.empty();
        }
        Table parent = table(foreignKey.referencedTable());
        Map<String, String> parentGiven = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (given.containsKey(columns.get(i))) {
                parentGiven.put(foreignKey.referencedColumns().get(i), given.get(columns.get(i)));
            }
        }
        if (parentGiven.size() == columns.size() && exists(connection, parent, parentGiven)) {
            return Optional.empty();
        }
        if (path.contains(parent.name())) {
            throw cycle(path, constraints, constraint, parent.name());
        }
        path.add(parent.name());
        constraints.add(constraint);
        InsertedRow row = insert(connection, parent, parentGiven, Set.of(), path, constraints);
        path.remove(path.size() - 1);
        constraints.remove(constraints.size() - 1);
        Map<String, String> keyValues = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            keyValues.put(columns.get(i), row.values().get(foreignKey.referencedColumns().get(i)));
        }
        return Optional.of(new Parent(row, keyValues));
    }

    private static MigrationTestException cycle(List<QualifiedName> path, List<Constraint> constraints,
            Constraint closing, QualifiedName parent) {
        int from = path.indexOf(parent);
        List<String> tables = new ArrayList<>(path.subList(from, path.size()).stream().map(QualifiedName::toString).toList());
        tables.add(parent.toString());
        List<Constraint> through = new ArrayList<>(constraints.subList(from, constraints.size()));
        through.add(closing);
        // The row asked for can break the cycle: its own foreign key towards it can name an existing row.
        Constraint first = constraints.isEmpty() ? closing : constraints.get(0);
        QualifiedName firstParent = first.foreignKey().orElseThrow().referencedTable();
        return new MigrationTestException("Could not insert a row into " + path.get(0) + ": its NOT NULL foreign keys"
                + " form a cycle (" + String.join(" -> ", tables) + ", through " + through.stream()
                .map(Constraint::name).collect(Collectors.joining(", ")) + "), so no row of it can be created first."
                + " Give " + String.join(", ", first.columns()) + " the key of an existing " + firstParent + " row.");
    }

    private boolean exists(Connection connection, Table table, Map<String, String> key) throws SQLException {
        String where = key.keySet().stream().map(c -> Sql.identifier(c) + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + Sql.name(table.name())
                + " WHERE " + where)) {
            bind(statement, new ArrayList<>(key.values()));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean needsValue(Column column) {
        if (column.defaultExpression().isPresent() || column.identity().isPresent() || column.generation().isPresent()) {
            return false;
        }
        Optional<Domain> domain = ColumnType.of(column.type(), schema).domain();
        if (domain.flatMap(Domain::defaultExpression).isPresent()) {
            return false;
        }
        return column.notNull() || domain.map(Domain::notNull).orElse(false);
    }

    private List<String> candidates(Connection connection, Table table, Column column) throws SQLException {
        ColumnType type = ColumnType.of(column.type(), schema);
        List<String> checks = new ArrayList<>();
        table.constraints(ConstraintType.CHECK).stream().filter(c -> c.columns().contains(column.name()))
                .forEach(c -> checks.add(c.definition()));
        type.domain().ifPresent(d -> d.checks().forEach(c -> checks.add(c.definition())));
        List<String> values = ValueCandidates.of(type, checks, fresh(connection, table, column, type));
        if (values.isEmpty()) {
            throw noValue(table, column);
        }
        return new ArrayList<>(values);
    }

    private MigrationTestException noValue(Table table, Column column) {
        Optional<Domain> domain = ColumnType.of(column.type(), schema).domain();
        String why = domain.filter(d -> !d.checks().isEmpty()).map(d -> "no value made up for column " + column.name()
                + " satisfies domain " + d.name() + " (" + d.checks().stream().map(DomainCheck::definition)
                .collect(Collectors.joining(", ")) + ")").orElse("no value can be made up for column " + column.name()
                + " of type " + column.type());
        return new MigrationTestException("Could not insert a row into " + table.name() + ": " + why + ". Give it one,"
                + " e.g. Rows.in(db).insert(\"" + table.name() + "\", Map.of(\"" + column.name() + "\", ...)).");
    }

    /** Values of the type that no earlier row has, as far as a counter (and the column's maximum) can tell. */
    private List<String> fresh(Connection connection, Table table, Column column, ColumnType type) throws SQLException {
        List<String> values = new ArrayList<>();
        long base = 0;
        if (!type.array() && (type.base() == ColumnType.Base.INTEGER || type.base() == ColumnType.Base.NUMBER)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(floor(max("
                    + Sql.identifier(column.name()) + "::numeric)), 0)::bigint FROM " + Sql.name(table.name()));
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                base = rs.getLong(1);
            }
        }
        for (int i = 0; i < FRESH_VALUES; i++) {
            fresh(type, base).ifPresent(values::add);
        }
        return values;
    }

    private Optional<String> fresh(ColumnType type, long base) {
        int n = ++counter;
        String value = switch (type.base()) {
            case INTEGER, NUMBER -> Long.toString(base + n);
            case TEXT -> fitted("seed-" + n, Integer.toString(n, 36), type);
            case DATE -> java.time.LocalDate.of(2024, 1, 1).plusDays(n).toString();
            case TIMESTAMP -> java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(n).toString().replace('T', ' ');
            case TIME -> java.time.LocalTime.of(12, 0).plusSeconds(n).toString();
            case INTERVAL -> n + " seconds";
            case UUID -> UUID.randomUUID().toString();
            case JSON -> "{\"seed\": " + n + "}";
            case BYTES -> "\\x" + String.format("%08x", n);
            case NETWORK -> "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
            case MAC -> String.format("08:00:2b:%02x:%02x:%02x", n >> 16 & 255, n >> 8 & 255, n & 255);
            case BITS -> "1".repeat(type.length().orElse(1));
            case XML -> "<seed n=\"" + n + "\"/>";
            case TSVECTOR -> "seed" + n;
            case BOOLEAN, ENUM, OTHER -> null;
        };
        return Optional.ofNullable(value);
    }

    private static String fitted(String text, String shortText, ColumnType type) {
        int length = type.length().orElse(Integer.MAX_VALUE);
        if (text.length() <= length) {
            return text;
        }
        return shortText.length() <= length ? shortText : shortText.substring(shortText.length() - length);
    }

    private InsertedRow attempt(Connection connection, Table table, Map<String, String> values,
            Map<String, List<String>> candidates, Map<String, String> given, List<InsertedRow> parents) throws SQLException {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (String column : candidates.keySet()) {
            chosen.put(column, 0);
            if (!skipInvalid(connection, table, column, candidates, chosen)) {
                throw noValue(table, table.column(column).orElseThrow());
            }
        }
        for (int attempt = 0; attempt < MOST_ATTEMPTS; attempt++) {
            Map<String, String> row = new LinkedHashMap<>(values);
            chosen.forEach((column, index) -> row.put(column, candidates.get(column).get(index)));
            Savepoint savepoint = connection.setSavepoint();
            try {
                InsertedRow inserted = execute(connection, table, row, parents);
                connection.releaseSavepoint(savepoint);
                return inserted;
            } catch (PSQLException e) {
                connection.rollback(savepoint);
                ServerErrorMessage server = e.getServerErrorMessage();
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                String constraint = server == null || server.getConstraint() == null ? "" : server.getConstraint();
                List<String> involved = involved(table, constraint, server).stream().filter(chosen::containsKey)
                        .collect(Collectors.toList());
                switch (state) {
                    case "23514" -> {
                        if (involved.isEmpty()) {
                            throw givenValuesRejected(table, given, e);
                        }
                        if (!next(connection, table, involved, candidates, chosen)) {
                            throw unsatisfiable(table, involved, constraint);
                        }
                    }
                    case "23505" -> {
                        if (involved.isEmpty()) {
                            throw givenValuesRejected(table, given, e);
                        }
                        freshOrNext(connection, table, involved, candidates, chosen);
                    }
                    case "23502" -> {
                        String column = server == null ? null : server.getColumn();
                        if (column == null || chosen.containsKey(column) || values.containsKey(column)) {
                            throw givenValuesRejected(table, given, e);
                        }
                        candidates.put(column, candidates(connection, table, table.column(column).orElseThrow()));
                        chosen.put(column, 0);
                        skipInvalid(connection, table, column, candidates, chosen);
                    }
                    default -> throw givenValuesRejected(table, given, e);
                }
            }
        }
        throw new MigrationTestException("Could not insert a row into " + table.name() + ": no combination of values"
                + " was accepted after " + MOST_ATTEMPTS + " attempts. Give values for "
                + String.join(", ", chosen.keySet()) + ".");
    }

    private InsertedRow execute(Connection connection, Table table, Map<String, String> row, List<InsertedRow> parents)
            throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        boolean overriding = columns.stream().anyMatch(c -> table.column(c).flatMap(Column::identity)
                .filter(i -> i == Identity.ALWAYS).isPresent());
        String returning = " RETURNING ctid::text, " + table.columns().stream()
                .map(c -> Sql.identifier(c.name()) + "::text").collect(Collectors.joining(", "));
        String sql = columns.isEmpty() ? "INSERT INTO " + Sql.name(table.name()) + " DEFAULT VALUES" + returning
                : "INSERT INTO " + Sql.name(table.name()) + " (" + Sql.identifiers(columns) + ")"
                        + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")" + returning;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, new ArrayList<>(row.values()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    values.put(table.columns().get(i).name(), rs.getString(i + 2));
                }
                return new InsertedRow(table.name(), Collections.unmodifiableMap(values), rs.getString(1),
                        List.copyOf(parents));
            }
        }
    }

    /** Binds text values as untyped, so that the server reads each as the type of the column it goes into. */
    private static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, values.get(i), Types.OTHER);
            }
        }
    }

    /** The columns a violated constraint (of the table, one of its unique indexes, or a domain) constrains. */
    private List<String> involved(Table table, String constraint, ServerErrorMessage server) {
        Optional<Constraint> tableConstraint = table.constraint(constraint);
        if (tableConstraint.isPresent()) {
            return tableConstraint.get().columns();
        }
        Optional<Index> index = table.index(constraint);
        if (index.isPresent()) {
            return index.get().keys();
        }
        List<String> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            Optional<Domain> domain = ColumnType.of(column.type(), schema).domain();
            if (domain.isPresent() && domain.get().checks().stream().map(DomainCheck::name).anyMatch(constraint::equals)) {
                columns.add(column.name());
            }
        }
        return columns;
    }

    /** Moves to the next combination of the involved columns' candidates, odometer-wise; false when all were tried. */
    private boolean next(Connection connection, Table table, List<String> involved, Map<String, List<String>> candidates,
            Map<String, Integer> chosen) throws SQLException {
        for (String column : involved) {
            chosen.put(column, chosen.get(column) + 1);
            if (skipInvalid(connection, table, column, candidates, chosen)) {
                return true;
            }
            chosen.put(column, 0);
            skipInvalid(connection, table, column, candidates, chosen);
        }
        return false;
    }

    /**
     * After a unique violation: variants of the values that were taken, tried next. The taken row passed every
     * check (PostgreSQL checks them before it inserts into unique indexes), so a variant close to it - the text
     * with a suffix, the number plus a step - most likely passes them too.
     */
    private void freshOrNext(Connection connection, Table table, List<String> involved,
            Map<String, List<String>> candidates, Map<String, Integer> chosen) throws SQLException {
        for (String column : involved) {
            Column c = table.column(column).orElseThrow();
            ColumnType type = ColumnType.of(c.type(), schema);
            List<String> values = candidates.get(column);
            int index = chosen.get(column);
            variant(type, values.get(index)).ifPresent(v -> values.add(index + 1, v));
        }
        if (!next(connection, table, involved, candidates, chosen)) {
            throw new MigrationTestException("Could not insert a row into " + table.name() + ": every value tried for "
                    + String.join(", ", involved) + " is taken by another row. Give " + String.join(", ", involved)
                    + " values of their own.");
        }
    }

    private Optional<String> variant(ColumnType type, String taken) {
        int n = ++counter;
        if (type.array()) {
            return Optional.empty();
        }
        return switch (type.base()) {
            case TEXT -> Optional.of(fitted(taken + "-" + n, Integer.toString(n, 36), type));
            case INTEGER, NUMBER -> Optional.of(new java.math.BigDecimal(taken).add(java.math.BigDecimal.valueOf(n))
                    .toPlainString());
            default -> fresh(type, 0);
        };
    }

    /**
     * Moves the column's choice past candidates its type rejects (too long, out of range, against a domain's
     * check); false if none is left.
     */
    private boolean skipInvalid(Connection connection, Table table, String column, Map<String, List<String>> candidates,
            Map<String, Integer> chosen) throws SQLException {
        Column c = table.column(column).orElseThrow();
        List<String> values = candidates.get(column);
        int index = chosen.get(column);
        while (index < values.size() && !valid(connection, c, values.get(index))) {
            index++;
        }
        if (index >= values.size()) {
            chosen.put(column, 0);
            return false;
        }
        chosen.put(column, index);
        return true;
    }

    private boolean valid(Connection connection, Column column, String value) throws SQLException {
        String key = column.type() + "\u0000" + value;
        Boolean known = validity.get(key);
        if (known != null) {
            return known;
        }
        ColumnType type = ColumnType.of(column.type(), schema);
        boolean valid;
        if (type.base() == ColumnType.Base.TEXT && !type.array() && type.length().isPresent()
                && value.length() > type.length().getAsInt()) {
            // An explicit cast to varchar(n) truncates instead of failing; the insert would fail.
            valid = false;
        } else {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS " + column.type() + ")")) {
                statement.setString(1, value);
                statement.execute();
                connection.releaseSavepoint(savepoint);
                valid = true;
            } catch (SQLException e) {
                connection.rollback(savepoint);
                valid = false;
            }
        }
        validity.put(key, valid);
        return valid;
    }

    private MigrationTestException unsatisfiable(Table table, List<String> involved, String constraint) {
        String definition = table.constraint(constraint).map(Constraint::definition)
                .or(() -> schema.domains().stream().flatMap(d -> d.checks().stream())
                        .filter(c -> c.name().equals(constraint)).map(DomainCheck::definition).findFirst())
                .orElse("");
        String columns = involved.stream().map(c -> table.name() + "." + c).collect(Collectors.joining(", "));
        return new MigrationTestException("Could not insert a row into " + table.name() + ": no value tried for "
                + columns + " satisfies check constraint " + constraint + (definition.isEmpty() ? "" : " " + definition)
                + ". Give " + (involved.size() == 1 ? "the column a value that does" : "the columns values that do")
                + ", e.g. Rows.in(db).insert(\"" + table.name() + "\", Map.of(\"" + involved.get(0)
                + "\", ...)).");
    }

    private static MigrationTestException givenValuesRejected(Table table, Map<String, String> given, PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        String message = server == null ? e.getMessage() : server.getMessage();
        String detail = server == null || server.getDetail() == null ? "" : " (" + server.getDetail() + ")";
        String values = given.isEmpty() ? "" : " with " + given.entrySet().stream()
                .map(v -> v.getKey() + " = " + (v.getValue() == null ? "NULL" : Sql.literal(v.getValue())))
                .collect(Collectors.joining(", "));
        return new MigrationTestException("Could not insert a row into " + table.name() + values + ": ERROR "
                + e.getSQLState() + ": " + message + detail, e);
    }

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1).replace("\"", "");
    }
}
