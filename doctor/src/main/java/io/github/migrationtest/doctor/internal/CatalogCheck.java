package io.github.migrationtest.doctor.internal;

import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.doctor.DoctorFinding;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the live catalog and its sessions show: invalid indexes, a held migration lock, long transactions. */
public final class CatalogCheck {

    /** Flyway's advisory lock key: this constant plus the hash of the quoted history table name. */
    private static final long FLYWAY_LOCK_BASE = 77431708279161L;

    private CatalogCheck() {
    }

    /** The findings on the live database, through a read-only connection. */
    public static List<DoctorFinding> check(Connection live, MigrationChain chain, Duration longTransaction)
            throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        findings.addAll(invalidIndexes(live));
        findings.addAll(chain.kind() == Engine.FLYWAY ? flywayLock(live, chain) : liquibaseLock(live, chain));
        findings.addAll(longTransactions(live, longTransaction));
        return findings;
    }

    private static List<DoctorFinding> invalidIndexes(Connection live) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        // An index being built CONCURRENTLY right now is invalid too, until the build ends: not a leftover.
        String sql = "select n.nspname, c.relname, t.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where not i.indisvalid and not exists (select 1 from pg_stat_progress_create_index p"
                + " where p.index_relid = i.indexrelid) order by 1, 2";
        try (PreparedStatement statement = live.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String index = quote(rs.getString(1)) + "." + quote(rs.getString(2));
                findings.add(new DoctorFinding(Kind.INVALID_INDEX, "index " + rs.getString(1) + "." + rs.getString(2),
                        "Index " + index + " on " + rs.getString(3) + " is invalid: a CREATE INDEX CONCURRENTLY failed"
                                + " or was cancelled. Queries do not use it, writes still maintain it, and a migration"
                                + " that creates it IF NOT EXISTS skips it, leaving it invalid.",
                        "DROP INDEX CONCURRENTLY " + index + "; then let the migration create it again (or REINDEX"
                                + " INDEX CONCURRENTLY " + index + ")."));
            }
        }
        return findings;
    }

    private static List<DoctorFinding> flywayLock(Connection live, MigrationChain chain) throws SQLException {
        String table = chain.engineHistory().table();
        String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : currentSchema(live);
        String name = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
        long key = FLYWAY_LOCK_BASE + ("\"" + schema + "\".\"" + name + "\"").hashCode();
        String sql = "select a.pid, a.application_name, a.usename, host(a.client_addr), a.state,"
                + " extract(epoch from now() - coalesce(a.xact_start, a.backend_start))::bigint"
                + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
                + " and l.database = (select oid from pg_database where datname = current_database())"
                + " and l.classid::bigint = ? and l.objid::bigint = ?";
        List<DoctorFinding> findings = new ArrayList<>();
        try (PreparedStatement statement = live.prepareStatement(sql)) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int pid = rs.getInt(1);
                    findings.add(new DoctorFinding(Kind.MIGRATION_LOCK_HELD, "session " + pid, "Session " + pid + " ("
                            + describeSession(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))
                            + ", for " + Duration.ofSeconds(rs.getLong(6)) + ") holds Flyway's migration lock on "
                            + schema + "." + name + ": the deploy waits for it and then fails, or hangs.",
                            "If it is a deploy still running, wait for it. If its migrator died or froze, end the"
                                    + " session: SELECT pg_terminate_backend(" + pid + ");"));
                }
            }
        }
        return findings;
    }

    private static List<DoctorFinding> liquibaseLock(Connection live, MigrationChain chain) throws SQLException {
        String table = chain.engineHistory().table() + "lock";
        try (PreparedStatement exists = live.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        List<DoctorFinding> findings = new ArrayList<>();
        try (PreparedStatement statement = live.prepareStatement("select lockedby, lockgranted from " + table
                + " where locked"); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                findings.add(new DoctorFinding(Kind.MIGRATION_LOCK_HELD, "table " + table, "Liquibase's lock row in "
                        + table + " is taken by " + rs.getString(1) + " since " + rs.getTimestamp(2) + ": the deploy"
                        + " waits for it (liquibase.changelogLockWaitTimeInMinutes) and then fails.",
                        "If no deploy is running, release it: `liquibase release-locks` (UPDATE " + table
                                + " SET locked = false, lockgranted = NULL, lockedby = NULL WHERE id = 1)."));
            }
        }
        return findings;
    }

    private static List<DoctorFinding> longTransactions(Connection live, Duration threshold) throws SQLException {
        String sql = "select a.pid, a.application_name, a.usename, host(a.client_addr), a.state,"
                + " extract(epoch from now() - a.xact_start)::bigint, left(a.query, 120),"
                + " (select count(*) from pg_locks l join pg_class c on c.oid = l.relation where l.pid = a.pid"
                + " and l.locktype = 'relation' and l.granted and c.relkind in ('r', 'p', 'm'))"
                + " from pg_stat_activity a where a.datname = current_database() and a.pid <> pg_backend_pid()"
                + " and a.backend_type = 'client backend' and a.application_name <> ?"
                + " and a.xact_start < now() - make_interval(secs => ?) order by a.xact_start";
        List<DoctorFinding> findings = new ArrayList<>();
        try (PreparedStatement statement = live.prepareStatement(sql)) {
            statement.setString(1, ReadOnlyConnections.APPLICATION_NAME);
            statement.setDouble(2, threshold.toMillis() / 1000.0);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int pid = rs.getInt(1);
                    findings.add(new DoctorFinding(Kind.LONG_TRANSACTION, "session " + pid, "Session " + pid + " ("
                            + describeSession(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))
                            + ") has had a transaction open for " + Duration.ofSeconds(rs.getLong(6)) + ", holding "
                            + rs.getLong(8) + " table lock(s); last statement: " + rs.getString(7).strip() + ". A"
                            + " migration's ALTER TABLE waits for its locks, and every query on that table queues"
                            + " behind the waiting ALTER.", "End it before the deploy if it is stuck (SELECT"
                            + " pg_terminate_backend(" + pid + ");), and give migrations a lock_timeout (SET"
                            + " lock_timeout = '5s') so that they fail fast instead of blocking the application."));
                }
            }
        }
        return findings;
    }

    private static String describeSession(String application, String user, String host, String state) {
        return "application '" + (application == null ? "" : application) + "', user " + user
                + (host == null ? "" : " from " + host) + ", " + state;
    }

    private static String currentSchema(Connection live) throws SQLException {
        try (PreparedStatement statement = live.prepareStatement("select current_schema()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
