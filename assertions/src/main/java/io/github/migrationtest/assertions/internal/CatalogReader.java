package io.github.migrationtest.assertions.internal;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.Constraint;
import io.github.migrationtest.assertions.schema.ConstraintType;
import io.github.migrationtest.assertions.schema.Domain;
import io.github.migrationtest.assertions.schema.DomainCheck;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.Extension;
import io.github.migrationtest.assertions.schema.ForeignKey;
import io.github.migrationtest.assertions.schema.ForeignKeyAction;
import io.github.migrationtest.assertions.schema.Generation;
import io.github.migrationtest.assertions.schema.Identity;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.MigrationHistory;
import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.Routine;
import io.github.migrationtest.assertions.schema.RoutineKind;
import io.github.migrationtest.assertions.schema.Schema;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.Sequence;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.assertions.schema.TableKind;
import io.github.migrationtest.assertions.schema.Trigger;
import io.github.migrationtest.assertions.schema.View;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a {@link SchemaSnapshot} with one query per kind of object (ten in all, whatever the size of the
 * schema), inside one read-only transaction so that every query sees the same state.
 *
 * <p>Expressions are printed with {@code search_path = public} and fixed date, interval and time zone
 * settings, so that the text of a default or a view does not depend on the session that reads it.
 */
public final class CatalogReader {

    /** Settings that change how the server prints expressions; fixed while a snapshot is read. */
    private static final String[][] SETTINGS = {
        {"search_path", "public"},
        {"DateStyle", "ISO, MDY"},
        {"IntervalStyle", "postgres"},
        {"TimeZone", "UTC"},
        {"extra_float_digits", "1"},
    };

    private static final String NOT_EXTENSION_MEMBER = " and not exists (select 1 from pg_depend dep"
            + " where dep.classid = '%s'::regclass and dep.objid = %s and dep.deptype = 'e')";

    private static final String COLLATION_NAME = "(select case when cn.nspname = 'pg_catalog'"
            + " then quote_ident(co.collname) else quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end"
            + " from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = %s)";

    /** Joins an object's comment as {@code d.description}; {@code obj_description()} per row is far slower. */
    private static final String DESCRIPTION = " left join pg_description d on d.classoid = '%s'::regclass"
            + " and d.objoid = %s and d.objsubid = %s";

    private final Connection connection;
    private final SnapshotOptions options;
    private final Map<Long, Relation> relations = new HashMap<>();
    private Array schemaFilter;
    private int serverVersionNumber;

    private CatalogReader(Connection connection, SnapshotOptions options) {
        this.connection = connection;
        this.options = options;
    }

    /**
     * Reads a snapshot over an open connection; leaves the connection's transaction state and settings as it
     * found them.
     */
    public static SchemaSnapshot read(Connection connection, SnapshotOptions options) throws SQLException {
        return new CatalogReader(connection, options).read();
    }

    private SchemaSnapshot read() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        String[] saved = new String[SETTINGS.length];
        if (autoCommit) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
            }
        } else {
            for (int i = 0; i < SETTINGS.length; i++) {
                saved[i] = scalar("select current_setting('" + SETTINGS[i][0] + "')");
            }
        }
        try {
            for (String[] setting : SETTINGS) {
                setLocal(setting[0], setting[1]);
            }
            return readAll();
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                for (int i = 0; i < SETTINGS.length; i++) {
                    setLocal(SETTINGS[i][0], saved[i]);
                }
            }
        }
    }

    private SchemaSnapshot readAll() throws SQLException {
        String version = scalar("select current_setting('server_version')");
        serverVersionNumber = Integer.parseInt(scalar("select current_setting('server_version_num')"));
        List<Schema> schemas = readSchemas();
        schemaFilter = connection.createArrayOf("text", schemas.stream().map(Schema::name).toArray());
        List<Extension> extensions = readExtensions(schemas);
        readRelations();
        readColumns();
        readConstraints();
        readIndexes();
        readTriggers();
        List<EnumType> enums = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        readTypes(enums, domains);
        List<Sequence> sequences = readSequences();
        List<Routine> routines = readRoutines();

        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<QualifiedName> historyTables = new ArrayList<>();
        for (Relation relation : relations.values()) {
            if (relation.isTable() && options.isHistoryTable(relation.name.name())) {
                historyTables.add(relation.name);
            } else if (relation.isTable()) {
                tables.add(relation.toTable());
            } else {
                views.add(relation.toView());
            }
        }
        tables.sort(Comparator.comparing(Table::name));
        views.sort(Comparator.comparing(View::name));
        historyTables.sort(Comparator.naturalOrder());
        return new SchemaSnapshot(version, schemas, extensions, enums, domains, sequences, tables, views, routines,
                HistoryReader.read(connection, historyTables));
    }

    private List<Schema> readSchemas() throws SQLException {
        List<Schema> schemas = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select n.nspname, obj_description(n.oid, 'pg_namespace')"
                        + " from pg_namespace n where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'"
                        + " order by n.nspname")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (options.schemas().isEmpty() || options.schemas().contains(name)) {
                    schemas.add(new Schema(name, optional(rs, 2)));
                }
            }
        }
        return schemas;
    }

    private List<Extension> readExtensions(List<Schema> schemas) throws SQLException {
        List<String> names = schemas.stream().map(Schema::name).collect(Collectors.toList());
        List<Extension> extensions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select e.extname, e.extversion, n.nspname,"
                        + " obj_description(e.oid, 'pg_extension') from pg_extension e"
                        + " join pg_namespace n on n.oid = e.extnamespace order by e.extname")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String schema = rs.getString(3);
                // plpgsql is in every database from the start; other extensions in pg_catalog were put there on purpose.
                boolean selected = names.contains(schema) || schema.equals("pg_catalog") && !name.equals("plpgsql");
                if (selected) {
                    extensions.add(new Extension(name, rs.getString(2), schema, optional(rs, 4)));
                }
            }
        }
        return extensions;
    }

    private void readRelations() throws SQLException {
        String sql = "select c.oid, n.nspname, c.relname, c.relkind, c.relpersistence = 'u', c.relrowsecurity,"
                + " case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end,"
                + " case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end,"
                + " p.parent_schema, p.parent_name, c.reloptions,"
                + " case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end,"
                + " c.relispopulated, d.description"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + String.format(DESCRIPTION, "pg_class", "c.oid", "0")
                + " left join lateral (select pn.nspname as parent_schema, pc.relname as parent_name"
                + "   from pg_inherits i join pg_class pc on pc.oid = i.inhparent"
                + "   join pg_namespace pn on pn.oid = pc.relnamespace"
                + "   where i.inhrelid = c.oid and c.relispartition) p on true"
                + " where c.relkind in ('r', 'p', 'f', 'v', 'm') and n.nspname = any(?)"
                + String.format(NOT_EXTENSION_MEMBER, "pg_class", "c.oid");
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Relation relation = new Relation(new QualifiedName(rs.getString(2), rs.getString(3)),
                        rs.getString(4));
                relation.unlogged = rs.getBoolean(5);
                relation.rowLevelSecurity = rs.getBoolean(6);
                relation.partitionKey = optional(rs, 7);
                relation.partitionBound = optional(rs, 8);
                relation.partitionOf = optional(rs, 10).map(name -> new QualifiedName(string(rs, 9), name));
                relation.options = list(rs, 11);
                relation.definition = optional(rs, 12).orElse("");
                relation.populated = rs.getBoolean(13);
                relation.comment = optional(rs, 14);
                relations.put(rs.getLong(1), relation);
            }
        }
    }

    private void readColumns() throws SQLException {
        String sql = "select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
                + " case when a.attcollation <> 0 and a.attcollation <> t.typcollation then "
                + String.format(COLLATION_NAME, "a.attcollation") + " end,"
                + " d.description"
                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid"
                + String.format(DESCRIPTION, "pg_class", "a.attrelid", "a.attnum")
                + " left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
                + " where c.relkind in ('r', 'p', 'f') and a.attnum > 0 and not a.attisdropped"
                + " and n.nspname = any(?) order by a.attrelid, a.attnum";
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Relation relation = relations.get(rs.getLong(1));
                if (relation == null) {
                    continue;
                }
                Optional<String> expression = optional(rs, 5);
                String identity = Optional.ofNullable(rs.getString(6)).orElse("");
                String generated = Optional.ofNullable(rs.getString(7)).orElse("");
                boolean isGenerated = !generated.isEmpty();
                relation.columns.add(new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        isGenerated ? Optional.empty() : expression,
                        identity.equals("a") ? Optional.of(Identity.ALWAYS)
                                : identity.equals("d") ? Optional.of(Identity.BY_DEFAULT) : Optional.empty(),
                        isGenerated ? expression.map(e -> new Generation(e, generated.equals("s")))
                                : Optional.empty(),
                        optional(rs, 8), optional(rs, 9)));
            }
        }
    }

    private void readConstraints() throws SQLException {
        String sql = "select con.conrelid, con.conname, con.contype, pg_get_constraintdef(con.oid, true),"
                + " con.condeferrable, con.condeferred, con.convalidated,"
                + " array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)"
                + "   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord),"
                + " fn.nspname, fc.relname,"
                + " array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)"
                + "   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord),"
                + " con.confdeltype, con.confupdtype, d.description"
                + " from pg_constraint con join pg_class c on c.oid = con.conrelid"
                + String.format(DESCRIPTION, "pg_constraint", "con.oid", "0")
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_class fc on fc.oid = con.confrelid"
                + " left join pg_namespace fn on fn.oid = fc.relnamespace"
                + " where con.contype in ('p', 'f', 'u', 'c', 'x') and n.nspname = any(?)"
                // A foreign key to a partitioned table has one extra row per partition on the same table.
                + " and not (con.conparentid <> 0 and exists (select 1 from pg_constraint pcon"
                + "   where pcon.oid = con.conparentid and pcon.conrelid = con.conrelid))";
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Relation relation = relations.get(rs.getLong(1));
                if (relation == null) {
                    continue;
                }
                ConstraintType type = switch (rs.getString(3)) {
                    case "p" -> ConstraintType.PRIMARY_KEY;
                    case "f" -> ConstraintType.FOREIGN_KEY;
                    case "u" -> ConstraintType.UNIQUE;
                    case "c" -> ConstraintType.CHECK;
                    default -> ConstraintType.EXCLUSION;
                };
                Optional<ForeignKey> foreignKey = type != ConstraintType.FOREIGN_KEY ? Optional.empty()
                        : Optional.of(new ForeignKey(new QualifiedName(rs.getString(9), rs.getString(10)),
                                list(rs, 11), ForeignKeyAction.ofCode(rs.getString(12)),
                                ForeignKeyAction.ofCode(rs.getString(13))));
                relation.constraints.add(new Constraint(rs.getString(2), relation.name, type, rs.getString(4),
                        list(rs, 8), foreignKey, rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7),
                        optional(rs, 14)));
            }
        }
    }

    private void readIndexes() throws SQLException {
        String sql = "select i.indrelid, n.nspname, ic.relname, am.amname, i.indisunique, i.indisprimary,"
                + " i.indisvalid, pg_get_indexdef(i.indexrelid),"
                + " array(select pg_get_indexdef(i.indexrelid, k, true)"
                + "   from generate_series(1, i.indnkeyatts) k order by k),"
                + " array(select pg_get_indexdef(i.indexrelid, k, true)"
                + "   from generate_series(i.indnkeyatts + 1, i.indnatts) k order by k),"
                + " pg_get_expr(i.indpred, i.indrelid, true), d.description"
                + " from pg_index i join pg_class ic on ic.oid = i.indexrelid"
                + String.format(DESCRIPTION, "pg_class", "i.indexrelid", "0")
                + " join pg_namespace n on n.oid = ic.relnamespace join pg_am am on am.oid = ic.relam"
                + " where n.nspname = any(?)";
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Relation relation = relations.get(rs.getLong(1));
                if (relation == null) {
                    continue;
                }
                relation.indexes.add(new Index(new QualifiedName(rs.getString(2), rs.getString(3)), relation.name,
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), list(rs, 9), list(rs, 10),
                        optional(rs, 11), rs.getString(8), optional(rs, 12)));
            }
        }
    }

    private void readTriggers() throws SQLException {
        String sql = "select t.tgrelid, t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled, pn.nspname,"
                + " p.proname, obj_description(t.oid, 'pg_trigger')"
                + " from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " join pg_proc p on p.oid = t.tgfoid join pg_namespace pn on pn.oid = p.pronamespace"
                + " where not t.tgisinternal and n.nspname = any(?)"
                // Triggers cloned onto partitions are implied by their parent's (and internal before 13).
                + (serverVersionNumber >= 130000 ? " and t.tgparentid = 0" : "");
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Relation relation = relations.get(rs.getLong(1));
                if (relation == null) {
                    continue;
                }
                relation.triggers.add(new Trigger(rs.getString(2), relation.name,
                        new QualifiedName(rs.getString(5), rs.getString(6)), rs.getString(3),
                        !"D".equals(rs.getString(4)), optional(rs, 7)));
            }
        }
    }

    private void readTypes(List<EnumType> enums, List<Domain> domains) throws SQLException {
        Map<Long, List<DomainCheck>> checks = new HashMap<>();
        String checkSql = "select con.contypid, con.conname, pg_get_constraintdef(con.oid, true), con.convalidated"
                + " from pg_constraint con join pg_type t on t.oid = con.contypid"
                + " join pg_namespace n on n.oid = t.typnamespace"
                + " where con.contypid <> 0 and con.contype = 'c' and n.nspname = any(?) order by con.conname";
        try (PreparedStatement statement = filtered(checkSql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                checks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new DomainCheck(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        String sql = "select t.oid, n.nspname, t.typname, t.typtype,"
                + " case when t.typtype = 'e' then array(select e.enumlabel::text from pg_enum e"
                + "   where e.enumtypid = t.oid order by e.enumsortorder) end,"
                + " case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end,"
                + " t.typnotnull, pg_get_expr(t.typdefaultbin, 0),"
                + " case when t.typtype = 'd' and t.typcollation <> 0 and t.typcollation <> bt.typcollation then "
                + String.format(COLLATION_NAME, "t.typcollation") + " end,"
                + " obj_description(t.oid, 'pg_type')"
                + " from pg_type t join pg_namespace n on n.oid = t.typnamespace"
                + " left join pg_type bt on bt.oid = t.typbasetype"
                + " where t.typtype in ('e', 'd') and n.nspname = any(?)"
                + String.format(NOT_EXTENSION_MEMBER, "pg_type", "t.oid")
                + " order by n.nspname, t.typname";
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                QualifiedName name = new QualifiedName(rs.getString(2), rs.getString(3));
                if (rs.getString(4).equals("e")) {
                    enums.add(new EnumType(name, list(rs, 5), optional(rs, 10)));
                } else {
                    domains.add(new Domain(name, rs.getString(6), rs.getBoolean(7), optional(rs, 8), optional(rs, 9),
                            checks.getOrDefault(rs.getLong(1), List.of()), optional(rs, 10)));
                }
            }
        }
    }

    private List<Sequence> readSequences() throws SQLException {
        String sql = "select n.nspname, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement,"
                + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
                + " (select tn.nspname || '.' || tc.relname || '.' || a.attname from pg_depend d"
                + "   join pg_class tc on tc.oid = d.refobjid join pg_namespace tn on tn.oid = tc.relnamespace"
                + "   join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
                + "   where d.classid = 'pg_class'::regclass and d.objid = c.oid"
                + "   and d.refclassid = 'pg_class'::regclass and d.deptype = 'a' limit 1),"
                + " obj_description(c.oid, 'pg_class')"
                + " from pg_sequence s join pg_class c on c.oid = s.seqrelid"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(?)"
                // Identity sequences belong to their column; extension sequences to their extension.
                + " and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass"
                + "   and d.objid = c.oid and d.deptype in ('i', 'e'))"
                + " order by n.nspname, c.relname";
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                sequences.add(new Sequence(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9),
                        optional(rs, 10), optional(rs, 11)));
            }
        }
        return sequences;
    }

    private List<Routine> readRoutines() throws SQLException {
        String sql = "select n.nspname, p.proname, oidvectortypes(p.proargtypes), p.prokind,"
                + " pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), l.lanname,"
                + " case when p.prokind <> 'a' then pg_get_functiondef(p.oid) end, obj_description(p.oid, 'pg_proc')"
                + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " join pg_language l on l.oid = p.prolang where n.nspname = any(?)"
                + String.format(NOT_EXTENSION_MEMBER, "pg_proc", "p.oid");
        List<Routine> routines = new ArrayList<>();
        try (PreparedStatement statement = filtered(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                routines.add(new Routine(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                        RoutineKind.ofCode(rs.getString(4)), rs.getString(5), optional(rs, 6), rs.getString(7),
                        optional(rs, 8), optional(rs, 9)));
            }
        }
        routines.sort(Comparator.comparing(Routine::name).thenComparing(Routine::identityArguments));
        return routines;
    }

    private PreparedStatement filtered(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, schemaFilter);
        return statement;
    }

    private String scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void setLocal(String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.execute();
        }
    }

    private static Optional<String> optional(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static String string(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).collect(Collectors.toList());
    }

    /** A table, view or materialized view as its rows arrive from the catalog queries. */
    private static final class Relation {
        final QualifiedName name;
        final String kind;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        boolean unlogged;
        boolean rowLevelSecurity;
        Optional<String> partitionKey = Optional.empty();
        Optional<String> partitionBound = Optional.empty();
        Optional<QualifiedName> partitionOf = Optional.empty();
        List<String> options = List.of();
        String definition = "";
        boolean populated;
        Optional<String> comment = Optional.empty();

        Relation(QualifiedName name, String kind) {
            this.name = name;
            this.kind = kind;
        }

        boolean isTable() {
            return kind.equals("r") || kind.equals("p") || kind.equals("f");
        }

        Table toTable() {
            TableKind tableKind = kind.equals("p") ? TableKind.PARTITIONED_TABLE
                    : kind.equals("f") ? TableKind.FOREIGN_TABLE : TableKind.TABLE;
            constraints.sort(Comparator.comparing(Constraint::name));
            indexes.sort(Comparator.comparing(Index::name));
            triggers.sort(Comparator.comparing(Trigger::name));
            return new Table(name, tableKind, columns, constraints, indexes, triggers, partitionKey, partitionOf,
                    partitionBound, unlogged, rowLevelSecurity, options, comment);
        }

        View toView() {
            indexes.sort(Comparator.comparing(Index::name));
            triggers.sort(Comparator.comparing(Trigger::name));
            return new View(name, kind.equals("m"), definition, populated, indexes, triggers, comment);
        }
    }
}
