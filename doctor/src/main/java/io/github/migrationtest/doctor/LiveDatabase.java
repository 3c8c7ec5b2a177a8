package io.github.migrationtest.doctor;

import io.github.migrationtest.doctor.internal.ReadOnlyConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A live database the doctor examines, reached read-only: every connection starts with
 * {@code default_transaction_read_only=on} (and short lock and statement timeouts), so nothing the doctor or an
 * engine it calls runs can write. The password never appears in {@link #toString()} or a message.
 */
public final class LiveDatabase {

    private final String jdbcUrl;
    private final String user;
    private final DataSource dataSource;

    private LiveDatabase(String jdbcUrl, String user, DataSource dataSource) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("The doctor examines PostgreSQL: the URL must start with"
                    + " jdbc:postgresql://, e.g. jdbc:postgresql://db.internal:5432/app (got " + jdbcUrl.replaceAll(
                    "password=[^&]*", "password=***") + ")");
        }
    }

    /**
     * A database by JDBC URL and credentials.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db.internal:5432/app}
     * @param user the user; a read-only role is enough
     * @param password the password (empty where the server trusts the user)
     */
    public static LiveDatabase of(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(password, "password");
        return new LiveDatabase(jdbcUrl, user, ReadOnlyConnections.dataSource(jdbcUrl, user, password));
    }

    /**
     * A database behind a data source the caller has, e.g. a test's {@code db.dataSource()}: each connection is
     * made read-only ({@code SET default_transaction_read_only = on}) and checked before the doctor uses it.
     *
     * @param dataSource where connections come from
     * @param jdbcUrl how the report names the database, without credentials
     */
    public static LiveDatabase of(DataSource dataSource, String jdbcUrl) {
        return new LiveDatabase(jdbcUrl, "its data source", ReadOnlyConnections.readOnly(dataSource, jdbcUrl));
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Opens a read-only connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** A data source of read-only connections, for the engine's own reading of its history. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String toString() {
        return user + " at " + jdbcUrl;
    }
}
