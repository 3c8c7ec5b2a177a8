package io.github.migrationtest.doctor.cli;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.flyway.FlywaySupport;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import io.github.migrationtest.core.internal.liquibase.LiquibaseSupport;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import io.github.migrationtest.doctor.Doctor;
import io.github.migrationtest.doctor.DoctorReport;
import io.github.migrationtest.doctor.LiveDatabase;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The doctor as a pre-deploy step of a CI job: examines a live database against the chain and prints the
 * report; exits 0 when a deploy would meet no problem, 1 when it would, 2 when the command cannot run.
 *
 * <pre>
 * java -cp "migrationtest-doctor.jar:$(cat app-classpath.txt)" io.github.migrationtest.doctor.cli.DoctorCommand \
 *     --url jdbc:postgresql://db.internal:5432/app --user deploy_check --flyway filesystem:src/main/resources/db/migration
 * </pre>
 *
 * The password comes from the environment variable {@code PGPASSWORD} (another with {@code --password-env}),
 * never from the command line. The engine (Flyway or Liquibase) and the PostgreSQL binaries or Docker for the
 * scratch server come from the class path, as in the project's tests.
 */
public final class DoctorCommand {

    /** Exit code when a deploy would meet no problem. */
    public static final int HEALTHY = 0;
    /** Exit code when the doctor found problems. */
    public static final int PROBLEMS = 1;
    /** Exit code when the command could not run (usage, configuration, connection). */
    public static final int ERROR = 2;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final String USAGE = """
            Usage: DoctorCommand --url <jdbc:postgresql://host:port/database> (--flyway <location>... | --liquibase <changelog>)
                   [--user <user>] [--password-env <variable>] [--property <key=value>]... [--format text|json]
                   [--long-transaction <60s>] [--scratch-provider auto|embedded|docker] [--migration-timeout <10m>]
            The password is read from the environment variable PGPASSWORD (or the one --password-env names).
            Exit codes: 0 no problems, 1 problems found, 2 the check could not run.
            """;

    private DoctorCommand() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.getenv()::get, System.out, System.err);
        PostgresServers.stopAll();
        System.exit(code);
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return ERROR;
        }
        try {
            String password = environment.apply(options.passwordEnv) == null ? "" : environment.apply(options.passwordEnv);
            String user = options.user != null ? options.user
                    : environment.apply("PGUSER") != null ? environment.apply("PGUSER") : "postgres";
            LiveDatabase live = LiveDatabase.of(options.url, user, password);
            MigrationChain chain = chain(options);
            chain.validate();
            Configuration configuration = Configuration.load(Map.of("migrationtest.provider", options.scratchProvider));
            PostgresServer scratch = PostgresServers.acquire(ServerProvider.parse(options.scratchProvider),
                    OptionalInt.of(majorOf(live)), configuration);
            DoctorReport report = Doctor.of(chain, scratch).longTransactionsAfter(options.longTransaction)
                    .migrationTimeout(options.migrationTimeout).examine(live);
            out.print(options.json ? report.json() : report.text());
            out.flush();
            return report.isHealthy() ? HEALTHY : PROBLEMS;
        } catch (MigrationTestException | IllegalArgumentException e) {
            err.println("migrationtest doctor could not check the database: " + e.getMessage());
            return ERROR;
        } catch (SQLException e) {
            err.println("migrationtest doctor could not connect to " + options.url + ": " + e.getMessage());
            return ERROR;
        }
    }

    private static int majorOf(LiveDatabase live) throws SQLException {
        try (Connection connection = live.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static MigrationChain chain(Options options) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!options.flyway.isEmpty()) {
            FlywaySupport.require();
            return FlywayChain.builder().locations(options.flyway.toArray(String[]::new))
                    .properties(options.withPrefix("flyway.")).classLoader(loader).build();
        }
        LiquibaseSupport.require();
        return LiquibaseChain.builder().changelog(options.liquibase).properties(options.withPrefix("liquibase."))
                .classLoader(loader).build();
    }

    /** The parsed command line. */
    private static final class Options {
        private String url;
        private String user;
        private String passwordEnv = "PGPASSWORD";
        private final List<String> flyway = new ArrayList<>();
        private String liquibase;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private boolean json;
        private Duration longTransaction = Duration.ofMinutes(1);
        private Duration migrationTimeout = Duration.ofMinutes(10);
        private String scratchProvider = "auto";

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    throw new IllegalArgumentException("migrationtest doctor: what a deploy of the chain would meet.");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + name + " needs a value.");
                }
                String value = args[++i];
                switch (name) {
                    case "--url" -> options.url = value;
                    case "--user" -> options.user = value;
                    case "--password-env" -> options.passwordEnv = value;
                    case "--flyway" -> options.flyway.addAll(List.of(value.split(",")));
                    case "--liquibase" -> options.liquibase = value;
                    case "--property" -> {
                        int equals = value.indexOf('=');
                        if (equals <= 0) {
                            throw new IllegalArgumentException("--property " + value + " is not key=value, e.g."
                                    + " --property flyway.placeholders.owner=app.");
                        }
                        options.properties.put(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
                    }
                    case "--format" -> {
                        if (!value.equals("text") && !value.equals("json")) {
                            throw new IllegalArgumentException("--format is text or json, not " + value + ".");
                        }
                        options.json = value.equals("json");
                    }
                    case "--long-transaction" -> options.longTransaction = duration(name, value);
                    case "--migration-timeout" -> options.migrationTimeout = duration(name, value);
                    case "--scratch-provider" -> options.scratchProvider = value;
                    default -> throw new IllegalArgumentException("Unknown option " + name + ".");
                }
            }
            if (options.url == null) {
                throw new IllegalArgumentException("--url is missing: the JDBC URL of the database to examine.");
            }
            if (options.flyway.isEmpty() == (options.liquibase == null)) {
                throw new IllegalArgumentException("Name the chain once: --flyway <location> or --liquibase <changelog>.");
            }
            return options;
        }

        Map<String, String> withPrefix(String prefix) {
            Map<String, String> selected = new LinkedHashMap<>();
            properties.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    selected.put(key, value);
                }
            });
            return selected;
        }

        private static Duration duration(String option, String value) {
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException(option + " " + value + " is not a duration such as 500ms, 30s, 5m"
                        + " or 1h.");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }
}
