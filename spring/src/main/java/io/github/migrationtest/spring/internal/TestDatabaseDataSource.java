package io.github.migrationtest.spring.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application context's {@code DataSource} under {@code @SpringMigrationTest}: each connection goes to
 * the database of the test that runs, so that one context serves every test without a refresh.
 */
public final class TestDatabaseDataSource implements DataSource {

    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        return CurrentDatabase.require().dataSource().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // The test's database has its own credentials; the application's are for its real server.
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections come from the test's database, which logs nothing
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("TestDatabaseDataSource does not wrap a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "migrationtest DataSource (the running test's database)";
    }
}
