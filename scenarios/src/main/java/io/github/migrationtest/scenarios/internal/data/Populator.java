package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.Constraint;
import io.github.migrationtest.assertions.schema.ConstraintType;
import io.github.migrationtest.assertions.schema.ForeignKey;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.assertions.schema.TableKind;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.scenarios.data.DataSettings;
import io.github.migrationtest.scenarios.internal.ColumnType;
import io.github.migrationtest.scenarios.internal.RowFiller;
import io.github.migrationtest.scenarios.internal.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Fills the tables of a database with generated rows, parents first. For each table the {@link RowFiller}
 * makes one row its constraints accept (values for NOT NULL columns, parent rows, values its checks take);
 * one {@code INSERT ... SELECT ... FROM generate_series} then adds the rest, with adversarial values
 * ({@link ColumnValues}) in the columns that take them. Where the database rejects a value - a check, a
 * length, a range - the columns it names fall back to the filler's value and the insert is tried again, so
 * the database decides what fits, as with the filler.
 */
public final class Populator {

    private static final int MOST_ATTEMPTS = 8;
    private static final int MOST_PARENT_KEYS = 10_000;

    private final MigrationDatabase database;
    private final DataSettings settings;
    private final Map<String, List<String>> legacyEnumColumns;
    private final RowFiller filler;
    private final SchemaSnapshot schema;
    private final List<String> notes = new ArrayList<>();

    /**
     * A populator for the database as it is now.
     *
     * @param legacyEnumColumns the labels of the enum a later migration casts each column to, by
     *     {@code schema.table.column}
     */
    public Populator(MigrationDatabase database, DataSettings settings, Map<String, List<String>> legacyEnumColumns) {
        this.database = database;
        this.settings = settings;
        this.legacyEnumColumns = legacyEnumColumns;
        this.filler = new RowFiller(database);
        this.schema = filler.schema();
    }

    /** The structure the populator read. */
    public SchemaSnapshot schema() {
        return schema;
    }

    /**
     * Fills the tables that {@code which} accepts, each with its row count, or at most {@code cap} rows.
     *
     * @return what could not be filled as asked, one line per table
     */
    public List<String> populate(Predicate<Table> which, int cap) {
        boolean filled = false;
        for (Table table : parentsFirst()) {
            if (table.kind() == TableKind.FOREIGN_TABLE || !which.test(table)) {
                continue;
            }
            int rows = Math.min(cap, settings.rowsOf(table.name().schema(), table.name().name()));
            if (rows > 0) {
                fill(table, rows);
                filled = true;
            }
        }
        if (filled) {
            // Statistics as production has them, and reltuples for choosing the tables to probe.
            database.execute("ANALYZE");
        }
        return List.copyOf(notes);
    }

    private void fill(Table table, int rows) {
        RowFiller.InsertedRow base;
        Set<String> nullable = new LinkedHashSet<>();
        table.columns().stream().filter(c -> !c.notNull() && c.defaultExpression().isEmpty()
                && c.generation().isEmpty() && c.identity().isEmpty()).forEach(c -> nullable.add(c.name()));
        try {
            base = filler.insert(Sql.readable(table.name()), Map.of(), nullable);
        } catch (MigrationTestException e) {
            try {
                base = filler.insert(Sql.readable(table.name()), Map.of());
            } catch (MigrationTestException again) {
                notes.add(table.name() + ": no rows (" + again.getMessage() + ")");
                return;
            }
        }
        if (rows > 1) {
            bulk(table, base.values(), rows - 1);
        }
    }

    private enum Mode { FRESH, FOREIGN, LEGACY_ENUM, ADVERSARIAL, PLAIN }

    private void bulk(Table table, Map<String, String> base, int rows) {
        Set<String> unique = uniqueColumns(table);
        Map<String, Mode> modes = new LinkedHashMap<>();
        Map<String, ForeignKey> foreign = new LinkedHashMap<>();
        for (Constraint constraint : table.constraints(ConstraintType.FOREIGN_KEY)) {
            if (constraint.columns().size() == 1) {
                foreign.put(constraint.columns().get(0), constraint.foreignKey().orElseThrow());
            }
        }
        for (Column column : table.columns()) {
            if (column.generation().isPresent() || column.identity().isPresent() || column.defaultExpression()
                    .filter(d -> d.startsWith("nextval(")).isPresent()) {
                continue;
            }
            String key = table.name().schema() + "." + table.name().name() + "." + column.name();
            if (foreign.containsKey(column.name())) {
                modes.put(column.name(), Mode.FOREIGN);
            } else if (unique.contains(column.name())) {
                modes.put(column.name(), Mode.FRESH);
            } else if (legacyEnumColumns.containsKey(key) && filler.type(column).base() == ColumnType.Base.TEXT) {
                modes.put(column.name(), Mode.LEGACY_ENUM);
            } else {
                modes.put(column.name(), Mode.ADVERSARIAL);
            }
        }
        String lastError = "";
        for (int attempt = 0; attempt < MOST_ATTEMPTS; attempt++) {
            String sql = insert(table, base, rows, modes, foreign, unique);
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                Savepoint savepoint = connection.setSavepoint();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                    connection.commit();
                    return;
                } catch (PSQLException e) {
                    connection.rollback(savepoint);
                    connection.rollback();
                    lastError = e.getSQLState() + " " + e.getServerErrorMessage();
                    if (!downgrade(table, modes, e)) {
                        break;
                    }
                }
            } catch (SQLException e) {
                lastError = e.getMessage();
                break;
            }
        }
        notes.add(table.name() + ": one row only; the generated rows were rejected (" + lastError + ")");
    }

    private String insert(Table table, Map<String, String> base, int rows, Map<String, Mode> modes,
            Map<String, ForeignKey> foreign, Set<String> unique) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> from = new ArrayList<>(List.of("generate_series(1, " + rows + ") g"));
        List<String> where = new ArrayList<>();
        int parent = 0;
        for (Map.Entry<String, Mode> entry : modes.entrySet()) {
            Column column = table.column(entry.getKey()).orElseThrow();
            ColumnType type = filler.type(column);
            String value = base.get(column.name());
            boolean nullable = !column.notNull() && type.domain().map(d -> !d.notNull()).orElse(true);
            String expression = switch (entry.getValue()) {
                case FRESH -> ColumnValues.fresh(column, type, settings.seed(), value)
                        .orElse(ColumnValues.plain(column, value));
                case FOREIGN -> {
                    ForeignKey key = foreign.get(column.name());
                    String alias = "p" + ++parent;
                    String referenced = Sql.identifier(key.referencedColumns().get(0));
                    from.add("(SELECT array_agg(k) a FROM (SELECT DISTINCT " + referenced + " k FROM "
                            + Sql.name(key.referencedTable()) + " WHERE " + referenced + " IS NOT NULL ORDER BY 1 LIMIT "
                            + MOST_PARENT_KEYS + ") s) " + alias);
                    if (unique.contains(column.name())) {
                        where.add("g <= coalesce(cardinality(" + alias + ".a), 0)");
                        yield alias + ".a[g]";
                    }
                    String pick = alias + ".a[1 + ((g * 7) % cardinality(" + alias + ".a))]";
                    yield nullable ? "CASE WHEN g % " + ColumnValues.CYCLE + " = 3 THEN NULL ELSE " + pick + " END" : pick;
                }
                case LEGACY_ENUM -> ColumnValues.legacyEnumValues(column, type, settings.seed(),
                        legacyEnumColumns.get(table.name().schema() + "." + table.name().name() + "." + column.name()),
                        nullable);
                case ADVERSARIAL -> ColumnValues.adversarial(column, type, settings.seed(), value, nullable);
                case PLAIN -> ColumnValues.plain(column, value);
            };
            columns.add(Sql.identifier(column.name()));
            values.add(expression);
        }
        if (columns.isEmpty()) {
            return "INSERT INTO " + Sql.name(table.name()) + " SELECT FROM generate_series(1, " + rows + ")";
        }
        return "INSERT INTO " + Sql.name(table.name()) + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + String.join(", ", from)
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    /** Falls back to the filler's value in the columns the error names (all adversarial ones if it names none). */
    private boolean downgrade(Table table, Map<String, Mode> modes, PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        Set<String> involved = new HashSet<>();
        if (server != null && server.getColumn() != null) {
            involved.add(server.getColumn());
        }
        if (server != null && server.getConstraint() != null) {
            table.constraint(server.getConstraint()).ifPresent(c -> involved.addAll(c.columns()));
            table.index(server.getConstraint()).ifPresent(i -> involved.addAll(columnsOf(table, i)));
        }
        involved.removeIf(c -> !modes.containsKey(c) || modes.get(c) == Mode.PLAIN);
        if (involved.isEmpty()) {
            modes.replaceAll((c, m) -> m == Mode.ADVERSARIAL || m == Mode.LEGACY_ENUM ? Mode.PLAIN : m);
            return modes.containsValue(Mode.PLAIN) && !"23505".equals(e.getSQLState());
        }
        involved.forEach(c -> modes.put(c, Mode.PLAIN));
        return true;
    }

    private static Set<String> uniqueColumns(Table table) {
        Set<String> columns = new HashSet<>();
        for (Index index : table.indexes()) {
            if (index.unique()) {
                columns.addAll(columnsOf(table, index));
            }
        }
        return columns;
    }

    /** The columns an index's keys use: the plain ones, and those an expression key mentions. */
    private static Set<String> columnsOf(Table table, Index index) {
        Set<String> columns = new HashSet<>();
        for (String key : index.keys()) {
            for (String column : table.columnNames()) {
                if (key.equals(column) || key.equals(Sql.identifier(column))
                        || Pattern.compile("\\b" + Pattern.quote(column) + "\\b").matcher(key).find()) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /** The tables, each after the tables its foreign keys reference (where a cycle allows), then by name. */
    private List<Table> parentsFirst() {
        List<Table> tables = new ArrayList<>(schema.tables());
        tables.sort((a, b) -> a.name().compareTo(b.name()));
        List<Table> ordered = new ArrayList<>();
        Set<QualifiedName> placed = new HashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (Table table : tables) {
                if (placed.contains(table.name())) {
                    continue;
                }
                boolean ready = table.constraints(ConstraintType.FOREIGN_KEY).stream()
                        .map(c -> c.foreignKey().orElseThrow().referencedTable())
                        .allMatch(parent -> parent.equals(table.name()) || placed.contains(parent)
                                || tables.stream().noneMatch(t -> t.name().equals(parent)));
                if (ready) {
                    ordered.add(table);
                    placed.add(table.name());
                    progress = true;
                }
            }
            if (!progress) {
                // A cycle of foreign keys: the filler makes parents as it needs them.
                tables.stream().filter(t -> !placed.contains(t.name())).findFirst().ifPresent(t -> {
                    ordered.add(t);
                    placed.add(t.name());
                });
            }
        }
        return ordered;
    }

    /** The schema snapshot's table by name. */
    Optional<Table> table(QualifiedName name) {
        return schema.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
