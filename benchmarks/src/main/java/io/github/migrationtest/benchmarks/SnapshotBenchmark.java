package io.github.migrationtest.benchmarks;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * How long a {@link SchemaSnapshot} of a large schema takes: 500 tables, each with six columns, a primary key,
 * two more indexes and a foreign key to the previous table, on an embedded PostgreSQL 17.
 *
 * <p>It compares two ways of reading the same facts (tables, columns, indexes, constraints):
 * <ul>
 *   <li>{@code pg_catalog, batched}: {@code SchemaSnapshot.of}, one query per kind of object, whatever the number
 *       of tables (it also reads definitions, comments, enums, functions and the rest);</li>
 *   <li>{@code information_schema, per table}: the naive way, three {@code information_schema}/{@code pg_indexes}
 *       queries per table, as hand-written schema checks tend to do it.</li>
 * </ul>
 *
 * <p>Run it from the repository root (PostgreSQL 17 binaries come from the zonky jar on the class path):
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.SnapshotBenchmark [-Dexec.args="500 11"]
 * </pre>
 */
public final class SnapshotBenchmark {

    private SnapshotBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of tables (default 500) and of timed runs per approach (default 15)
     */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long starting = System.nanoTime();
        PostgresServer server = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17),
                Configuration.load());
        System.out.printf(Locale.ROOT, "Server: %s; started in %.0f ms; %d processors%n", server.describe(),
                millis(System.nanoTime() - starting), Runtime.getRuntime().availableProcessors());
        try (DisposableDatabase database = DatabaseFactory.on(server).createEmpty()) {
            long started = System.nanoTime();
            createSchema(database, tables);
            System.out.printf(Locale.ROOT, "Created %d tables in %.0f ms%n", tables, millis(System.nanoTime() - started));
            DataSource dataSource = database.dataSource();

            SchemaSnapshot snapshot = SchemaSnapshot.of(dataSource);
            System.out.printf(Locale.ROOT, "Snapshot: %d tables, %d columns, %d indexes, %d constraints;"
                    + " canonical text %d lines%n", snapshot.tables().size(),
                    snapshot.tables().stream().mapToInt(t -> t.columns().size()).sum(), snapshot.indexes().size(),
                    snapshot.tables().stream().mapToInt(t -> t.constraints().size()).sum(),
                    snapshot.canonicalText().lines().count());
            System.out.printf(Locale.ROOT, "Per table, information_schema: %d facts%n", readPerTable(dataSource));

            time("pg_catalog, batched (SchemaSnapshot.of)", runs, () -> SchemaSnapshot.of(dataSource));
            time("pg_catalog, batched, with canonical text", runs, () -> SchemaSnapshot.of(dataSource).canonicalText());
            time("information_schema, per table", Math.max(3, runs / 3), () -> readPerTable(dataSource));
        } finally {
            PostgresServers.stopAll();
        }
    }

    private static void createSchema(DisposableDatabase database, int tables) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < tables; i++) {
                sql.append("create table t_").append(i).append(" (id bigint generated always as identity primary key,")
                        .append(" parent_id bigint")
                        .append(i == 0 ? "" : " references t_" + (i - 1) + " (id) on delete cascade")
                        .append(", name text not null, status text not null default 'new',")
                        .append(" amount numeric(12, 2), created_at timestamptz not null default now());\n")
                        .append("create index t_").append(i).append("_name_idx on t_").append(i).append(" (lower(name));\n")
                        .append("create index t_").append(i).append("_parent_idx on t_").append(i)
                        .append(" (parent_id) where status <> 'done';\n");
                if (i % 50 == 49 || i == tables - 1) {
                    statement.execute(sql.toString());
                    sql.setLength(0);
                }
            }
        }
    }

    /** The naive reader: a few information_schema queries for every table. Returns how many facts it read. */
    private static int readPerTable(DataSource dataSource) throws SQLException {
        int facts = 0;
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select table_schema, table_name from"
                            + " information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')"
                            + " and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            try (PreparedStatement columns = connection.prepareStatement("select column_name, data_type, is_nullable,"
                    + " column_default, is_identity from information_schema.columns where table_schema = ?"
                    + " and table_name = ? order by ordinal_position");
                    PreparedStatement indexes = connection.prepareStatement("select indexname, indexdef from"
                            + " pg_indexes where schemaname = ? and tablename = ?");
                    PreparedStatement constraints = connection.prepareStatement("select tc.constraint_name,"
                            + " tc.constraint_type, rc.delete_rule from information_schema.table_constraints tc"
                            + " left join information_schema.referential_constraints rc"
                            + " on rc.constraint_schema = tc.constraint_schema and rc.constraint_name = tc.constraint_name"
                            + " where tc.table_schema = ? and tc.table_name = ?")) {
                for (String[] table : tables) {
                    facts += count(columns, table) + count(indexes, table) + count(constraints, table);
                }
            }
        }
        return facts;
    }

    private static int count(PreparedStatement statement, String[] table) throws SQLException {
        statement.setString(1, table[0]);
        statement.setString(2, table[1]);
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void time(String approach, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.call();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.call();
            times.add(millis(System.nanoTime() - started));
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "%-45s median %7.1f ms   min %7.1f ms   max %7.1f ms   (%d runs)%n", approach,
                times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), runs);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
