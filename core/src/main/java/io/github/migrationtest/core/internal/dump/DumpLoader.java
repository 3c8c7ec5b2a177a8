package io.github.migrationtest.core.internal.dump;

import io.github.migrationtest.core.internal.SqlScript;
import io.github.migrationtest.core.internal.SqlScript.Command;
import io.github.migrationtest.core.internal.SqlScript.Copy;
import io.github.migrationtest.core.internal.SqlScript.MetaCommand;
import io.github.migrationtest.core.internal.SqlScript.Statement;
import io.github.migrationtest.core.model.MigrationTestException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Runs plain-text {@code pg_dump} files against a database the way psql runs them: statement by
 * statement in autocommit, {@code COPY ... FROM stdin} blocks with their data, meta-commands of recent
 * pg_dump versions ({@code \restrict} and its closing twin) skipped.
 *
 * <p>Unlike psql without {@code ON_ERROR_STOP}, it stops at the first statement that fails: a dump half
 * loaded is not the production state a test means to start from. Two failures are expected and passed over:
 * statements naming a role the server does not have (see {@link RolePolicy}), and {@code CREATE SCHEMA
 * public} on a database that has it already.
 */
public final class DumpLoader {

    private static final Pattern MISSING_ROLE = Pattern.compile("role \"((?:[^\"]|\"\")+)\" does not exist");
    private static final Pattern CREATE_PUBLIC = Pattern.compile("(?is).*\\bCREATE\\s+SCHEMA\\s+(?:\"public\"|public)\\s*");
    private static final Pattern CLIENT_ENCODING = Pattern.compile("(?is).*\\bSET\\s+client_encoding\\b.*");
    // Meta-commands that only concern psql's own display or its protection against a hostile dump.
    private static final Set<String> PSQL_ONLY = Set.of("restrict", "unrestrict", "set", "unset", "echo", "qecho",
            "pset", "timing", "encoding");
    private static final int MAX_ROLES_PER_STATEMENT = 32;

    private final Connection connection;
    private final RolePolicy roles;
    private final List<String> skipped = new ArrayList<>();
    private final List<String> createdRoles = new ArrayList<>();
    private int executed;

    private DumpLoader(Connection connection, RolePolicy roles) {
        this.connection = connection;
        this.roles = roles;
    }

    /**
     * Loads the files, in order, through the connection (which it leaves open, in autocommit).
     *
     * @throws MigrationTestException naming the file, line, statement and server error of the first statement
     *     that fails, or a meta-command that cannot be followed
     */
    public static LoadReport load(Connection connection, List<DumpFile> files, RolePolicy roles) {
        DumpLoader loader = new DumpLoader(connection, roles);
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new MigrationTestException("Could not prepare the connection to load a dump: " + e.getMessage(), e);
        }
        for (DumpFile file : files) {
            for (Command command : SqlScript.psqlCommands(file.text())) {
                loader.run(file, command);
            }
        }
        return new LoadReport(loader.executed, loader.skipped, loader.createdRoles);
    }

    private void run(DumpFile file, Command command) {
        if (command instanceof MetaCommand meta) {
            checkMetaCommand(file, meta);
        } else if (command instanceof Statement statement) {
            if (CLIENT_ENCODING.matcher(statement.sql()).matches()) {
                // The file is read as UTF-8 and the driver speaks UTF-8; another client encoding would break both.
                return;
            }
            execute(file, statement.line(), statement.sql(), () -> {
                try (java.sql.Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                }
            });
        } else if (command instanceof Copy copy) {
            execute(file, copy.line(), copy.sql(), () -> {
                try {
                    new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(copy.sql(),
                            new StringReader(copy.data()));
                } catch (IOException e) {
                    throw new SQLException("could not pass the COPY data: " + e.getMessage(), e);
                }
            });
        }
    }

    private void checkMetaCommand(DumpFile file, MetaCommand meta) {
        if (PSQL_ONLY.contains(meta.name())) {
            return;
        }
        if (meta.name().equals("connect") || meta.name().equals("c")) {
            throw new MigrationTestException("The dump " + file.source() + " switches databases at line " + meta.line()
                    + " (\\" + meta.name() + " " + meta.argument() + "): it was made with pg_dump --create or with"
                    + " pg_dumpall. A starting state is one database: make the dump with"
                    + " `pg_dump --schema-only --no-owner <database>` (without --create).");
        }
        throw new MigrationTestException("The dump " + file.source() + " has the psql meta-command \\" + meta.name()
                + " at line " + meta.line() + ", which a starting state cannot follow. pg_dump writes only \\restrict,"
                + " \\unrestrict and \\connect; remove the line, or make the dump again with pg_dump --schema-only.");
    }

    private void execute(DumpFile file, int line, String sql, SqlAction action) {
        for (int attempt = 0; attempt <= MAX_ROLES_PER_STATEMENT; attempt++) {
            try {
                action.run();
                executed++;
                return;
            } catch (SQLException e) {
                Optional<String> role = missingRole(e);
                if (role.isPresent() && roles == RolePolicy.SKIP) {
                    skipped.add(file.source() + ":" + line + ": " + firstLine(sql));
                    return;
                }
                if (role.isPresent()) {
                    createRole(role.get());
                    continue;
                }
                if ("42P06".equals(e.getSQLState()) && CREATE_PUBLIC.matcher(sql).matches()) {
                    return;
                }
                throw new MigrationTestException(failure(file, line, sql, e), e);
            }
        }
        throw new MigrationTestException("The dump " + file.source() + " names more than " + MAX_ROLES_PER_STATEMENT
                + " missing roles in the statement at line " + line + ".");
    }

    private static Optional<String> missingRole(SQLException e) {
        if (!"42704".equals(e.getSQLState()) || e.getMessage() == null) {
            return Optional.empty();
        }
        Matcher m = MISSING_ROLE.matcher(e.getMessage());
        return m.find() ? Optional.of(m.group(1).replace("\"\"", "\"")) : Optional.empty();
    }

    private void createRole(String role) {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE \"" + role.replace("\"", "\"\"") + "\" NOLOGIN");
            createdRoles.add(role);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) {
                throw new MigrationTestException("The dump names the role \"" + role + "\", which the server lacks,"
                        + " and creating it failed: " + e.getMessage() + ". Create it by hand or load the dump with"
                        + " missing roles skipped.", e);
            }
        }
    }

    private static String failure(DumpFile file, int line, String sql, SQLException e) {
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        String message = Optional.ofNullable(e.getMessage()).orElse(e.toString()).lines().findFirst().orElse("");
        String cause;
        if (state.equals("58P01") || state.equals("0A000") && sql.toUpperCase(Locale.ROOT).contains("EXTENSION")) {
            cause = "The dump needs an extension this server does not have. Use a server that has it (the docker"
                    + " provider with an image that ships it), or remove the extension and what uses it from the dump.";
        } else if (state.startsWith("42") || state.startsWith("3F")) {
            cause = "The dump refers to something it does not create: it was made with options that leave objects"
                    + " out (-n, -t, --exclude-*), or edited. Make it again with `pg_dump --schema-only` of the whole"
                    + " database, or add what is missing (a schema, an extension) in a file loaded before it.";
        } else {
            cause = "Check that the dump was made by pg_dump of a PostgreSQL no newer than this server ("
                    + "PostgreSQL loads dumps of older versions, not of newer ones).";
        }
        return "The dump " + file.source() + " does not load: line " + line + ": ERROR"
                + (state.isEmpty() ? "" : " " + state) + ": " + message.replaceFirst("^ERROR: ", "")
                + "\n  statement: " + firstLine(sql) + "\n  " + cause;
    }

    private static String firstLine(String sql) {
        List<String> code = sql.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).toList();
        String first = code.isEmpty() ? sql.strip() : code.get(0).strip();
        return code.size() > 1 ? first + " ..." : first;
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
