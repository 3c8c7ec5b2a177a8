package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform provides in production and an empty test database lacks: an extension whose type,
 * function or operator class the migration uses ({@code gin_trgm_ops}, {@code uuid_generate_v4()},
 * {@code geometry}), or a role it grants to. Says which extension (checked against
 * {@code pg_available_extensions}) or role, and how to provide it before the chain.
 */
final class PrerequisiteRule implements Rule {

    private static final Pattern OPERATOR_CLASS = Pattern.compile("^operator class \"([^\"]+)\" does not exist");
    private static final Pattern TYPE = Pattern.compile("^type \"(?:[^\".]+\\.)?([^\"]+)\" does not exist");
    private static final Pattern FUNCTION = Pattern.compile("^function (?:[^\\s.(]+\\.)?([^\\s.(]+)\\(.*\\) does not exist");
    private static final Pattern ROLE = Pattern.compile("^role \"([^\"]+)\" does not exist");
    private static final Pattern NOT_AVAILABLE = Pattern.compile(
            "^(?:extension \"([^\"]+)\" is not available|could not open extension control file \".*/([^/\"]+)\\.control\")");

    private static final Map<String, String> OPERATOR_CLASSES = Map.of(
            "gin_trgm_ops", "pg_trgm", "gist_trgm_ops", "pg_trgm", "gist_geometry_ops_2d", "postgis",
            "gist_geometry_ops_nd", "postgis", "vector_l2_ops", "vector", "vector_cosine_ops", "vector",
            "vector_ip_ops", "vector", "gin_hstore_ops", "hstore", "gist_hstore_ops", "hstore");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"), Map.entry("box2d", "postgis"),
            Map.entry("box3d", "postgis"), Map.entry("citext", "citext"), Map.entry("hstore", "hstore"),
            Map.entry("ltree", "ltree"), Map.entry("lquery", "ltree"), Map.entry("vector", "vector"),
            Map.entry("halfvec", "vector"), Map.entry("cube", "cube"), Map.entry("earth", "earthdistance"));
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("gen_random_uuid", "pgcrypto"), Map.entry("gen_random_bytes", "pgcrypto"),
            Map.entry("crypt", "pgcrypto"), Map.entry("gen_salt", "pgcrypto"), Map.entry("digest", "pgcrypto"),
            Map.entry("hmac", "pgcrypto"), Map.entry("pgp_sym_encrypt", "pgcrypto"),
            Map.entry("pgp_sym_decrypt", "pgcrypto"), Map.entry("uuid_generate_v1", "uuid-ossp"),
            Map.entry("uuid_generate_v1mc", "uuid-ossp"), Map.entry("uuid_generate_v3", "uuid-ossp"),
            Map.entry("uuid_generate_v4", "uuid-ossp"), Map.entry("uuid_generate_v5", "uuid-ossp"),
            Map.entry("uuid_nil", "uuid-ossp"), Map.entry("similarity", "pg_trgm"),
            Map.entry("word_similarity", "pg_trgm"), Map.entry("strict_word_similarity", "pg_trgm"),
            Map.entry("show_trgm", "pg_trgm"), Map.entry("unaccent", "unaccent"),
            Map.entry("levenshtein", "fuzzystrmatch"), Map.entry("soundex", "fuzzystrmatch"),
            Map.entry("metaphone", "fuzzystrmatch"), Map.entry("dmetaphone", "fuzzystrmatch"),
            Map.entry("ll_to_earth", "earthdistance"), Map.entry("earth_distance", "earthdistance"));

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        String state = failure.sqlState().orElse("");
        String message = failure.message();
        Matcher role = ROLE.matcher(message);
        if (state.equals("42704") && role.find()) {
            return Optional.of(missingRole(role.group(1), failure));
        }
        Matcher unavailable = NOT_AVAILABLE.matcher(message);
        if ((state.equals("0A000") || state.equals("58P01")) && unavailable.find()) {
            String extension = unavailable.group(1) != null ? unavailable.group(1) : unavailable.group(2);
            return Optional.of(notOnServer(extension, "the migration creates extension " + extension, failure));
        }
        return extensionOf(state, message).map(use -> missingExtension(use[0], use[1], failure, evidence));
    }

    /** The extension a failure points to, and what of it the migration uses; empty for other failures. */
    private static Optional<String[]> extensionOf(String state, String message) {
        Matcher operatorClass = OPERATOR_CLASS.matcher(message);
        if (state.equals("42704") && operatorClass.find()) {
            return known(OPERATOR_CLASSES, operatorClass.group(1), "operator class " + operatorClass.group(1));
        }
        Matcher type = TYPE.matcher(message);
        if (state.equals("42704") && type.find()) {
            return known(TYPES, type.group(1).toLowerCase(Locale.ROOT), "type " + type.group(1));
        }
        Matcher function = FUNCTION.matcher(message);
        if (state.equals("42883") && function.find()) {
            String name = function.group(1).toLowerCase(Locale.ROOT);
            String extension = name.startsWith("st_") ? "postgis" : FUNCTIONS.get(name);
            return extension == null ? Optional.empty()
                    : Optional.of(new String[] {extension, "function " + function.group(1) + "()"});
        }
        return Optional.empty();
    }

    private static Optional<String[]> known(Map<String, String> names, String name, String use) {
        return Optional.ofNullable(names.get(name)).map(extension -> new String[] {extension, use});
    }

    private static Finding missingExtension(String extension, String use, MigrationFailure failure,
            Evidence evidence) {
        Optional<String> available = evidence.value("select default_version from pg_available_extensions"
                + " where name = ?", extension);
        if (available.isEmpty()) {
            return notOnServer(extension, "the migration uses " + use + ", which comes from extension " + extension,
                    failure);
        }
        List<String> facts = new ArrayList<>();
        Optional<String> installedIn = evidence.value("select n.nspname from pg_extension e join pg_namespace n"
                + " on n.oid = e.extnamespace where e.extname = ?", extension);
        String migration = failure.migration().map(m -> "migration " + m.id()).orElse("the migration");
        if (installedIn.isPresent()) {
            facts.add("extension " + extension + " is installed in schema " + installedIn.get() + ", which is not on"
                    + " the search_path of the migration");
            return new Finding(Diagnosis.MISSING_EXTENSION, migration + " uses " + use + " from extension "
                    + extension + ", which is installed in schema " + installedIn.get() + " but not found from the"
                    + " migration's search_path.", facts, "Qualify the name with the schema (" + installedIn.get() + "."
                    + use.substring(use.lastIndexOf(" ") + 1).replace("()", "") + "), or put " + installedIn.get() + " on the"
                    + " search_path the migrations run with (flyway.defaultSchema / the connection's search_path).");
        }
        facts.add("extension " + extension + " " + available.get() + " is available on this server"
                + " (pg_available_extensions), but not installed in the database");
        String create = "CREATE EXTENSION IF NOT EXISTS " + quoted(extension) + ";";
        return new Finding(Diagnosis.MISSING_EXTENSION, migration + " uses " + use + ", which comes from extension "
                + extension + "; the database does not have it. In production the platform usually installs it"
                + " (or an earlier, unrecorded step did), and an empty test database has none.", facts,
                "Install it before the chain, as the platform does: a preparation script with " + create
                        + " named by migrationtest.prepare=classpath:prepare.sql (in migrationtest.properties, or"
                        + " @MigrationTest(properties = \"migrationtest.prepare=classpath:prepare.sql\")). If"
                        + " production's databases lack it too, the chain must create it: " + create
                        + " in a migration before this one.");
    }

    private static Finding notOnServer(String extension, String use, MigrationFailure failure) {
        String image = switch (extension) {
            case "postgis" -> " (for PostGIS: migrationtest.provider=docker with"
                    + " migrationtest.docker.image=postgis/postgis:{major}-3.5)";
            case "vector" -> " (for pgvector: migrationtest.provider=docker with"
                    + " migrationtest.docker.image=pgvector/pgvector:pg{major})";
            default -> "";
        };
        return new Finding(Diagnosis.MISSING_EXTENSION, use + ", and this server does not have the extension at all:"
                + " its binaries do not ship it.", List.of("extension " + extension + " is not in"
                        + " pg_available_extensions of this server"),
                "Run the tests on a PostgreSQL that ships " + extension + image + "; the embedded binaries carry the"
                        + " contrib extensions (pg_trgm, pgcrypto, uuid-ossp, citext, hstore, ...) only. Then install"
                        + " it before the chain with a preparation script (migrationtest.prepare) holding CREATE"
                        + " EXTENSION IF NOT EXISTS " + quoted(extension) + ";.");
    }

    private static Finding missingRole(String role, MigrationFailure failure) {
        String migration = failure.migration().map(m -> "migration " + m.id()).orElse("the migration");
        return new Finding(Diagnosis.MISSING_ROLE, migration + " refers to role " + role + ", which this server does"
                + " not have: roles are cluster-wide, made by the platform (or by hand) in production, and no"
                + " migration of the chain creates it.", List.of("role " + role + " is not in pg_roles"),
                "Create it before the chain, as the platform does: migrationtest.prepare.roles=" + role + " (created"
                        + " once per server, NOLOGIN, where missing). If production has no such role either, create"
                        + " it in a migration before this one: DO $$ BEGIN CREATE ROLE " + quoted(role) + " NOLOGIN;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;");
    }

    private static String quoted(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
