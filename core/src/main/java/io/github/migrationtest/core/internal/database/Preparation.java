package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.internal.Locations;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the platform provides before the chain runs - extensions, schemas, cluster-wide roles - so that
 * every database the chain runs in starts as production's does: SQL scripts ({@code migrationtest.prepare})
 * run in each empty database before the chain, and roles ({@code migrationtest.prepare.roles}) created once
 * per server where missing. Part of the template fingerprint.
 *
 * @param scripts the scripts, in the order they run
 * @param roles the roles to create (NOLOGIN) where missing
 */
public record Preparation(List<Script> scripts, List<String> roles) {

    /** Nothing to prepare: databases start as copies of {@code template0}. */
    public static final Preparation NONE = new Preparation(List.of(), List.of());

    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /**
     * A script of the preparation.
     *
     * @param location where it was read from, e.g. {@code classpath:prepare.sql}
     * @param sql its text
     */
    public record Script(String location, String sql) {
        /** Validates the components. */
        public Script {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** Validates and copies the components. */
    public Preparation {
        scripts = List.copyOf(scripts);
        roles = List.copyOf(roles);
    }

    /**
     * The preparation the settings describe, its scripts read now.
     *
     * @throws MigrationTestConfigurationException if a script does not exist or a role name is not one
     */
    public static Preparation of(Configuration configuration, ClassLoader loader) {
        List<Script> scripts = new ArrayList<>();
        for (String location : list(configuration.get(Setting.PREPARE))) {
            scripts.add(new Script(location, read(location, loader)));
        }
        List<String> roles = list(configuration.get(Setting.PREPARE_ROLES));
        for (String role : roles) {
            if (!ROLE.matcher(role).matches()) {
                throw new MigrationTestConfigurationException(Setting.PREPARE_ROLES.key() + " names '" + role
                        + "', which is not a plain role name (letters, digits, _, -). Give role names separated"
                        + " by commas, e.g. " + Setting.PREPARE_ROLES.key() + "=app_user,readonly.");
            }
        }
        return new Preparation(scripts, roles);
    }

    /** Whether there is nothing to prepare. */
    public boolean isEmpty() {
        return scripts.isEmpty() && roles.isEmpty();
    }

    /** A short hash of everything that makes prepared databases differ: roles and script texts. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("roles=" + roles + "\n").getBytes(StandardCharsets.UTF_8));
            for (Script script : scripts) {
                digest.update((script.location() + "\n" + script.sql() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The preparation in a few words for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        scripts.forEach(s -> parts.add(s.location()));
        if (!roles.isEmpty()) {
            parts.add("roles " + String.join(", ", roles));
        }
        return parts.isEmpty() ? "no preparation" : String.join(", ", parts);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String location, ClassLoader loader) {
        try {
            if (Locations.isFileSystem(location)) {
                Path file = Locations.fileSystemPath(location);
                if (Files.isRegularFile(file)) {
                    return Files.readString(file);
                }
            } else {
                URL url = loader.getResource(Locations.classPathResource(location));
                if (url != null) {
                    try (InputStream in = url.openStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IOException e) {
            throw new MigrationTestConfigurationException(Setting.PREPARE.key() + " names the script '" + location
                    + "', which cannot be read: " + e.getMessage(), e);
        }
        throw new MigrationTestConfigurationException(Setting.PREPARE.key() + " names the script '" + location
                + "', which does not exist (" + (Locations.isFileSystem(location) ? "no file "
                + Locations.fileSystemPath(location).toAbsolutePath() : "no resource "
                + Locations.classPathResource(location) + " on the test class path, e.g. under src/test/resources")
                + ").");
    }
}
