package io.github.migrationtest.core.internal.dump;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Dump files that make a database's starting state, loaded in order (a schema, then the engine's history rows),
 * and what to do with roles the server lacks.
 *
 * @param files the files, in load order
 * @param roles the role policy
 */
public record StartingDump(List<DumpFile> files, RolePolicy roles) {

    /** Validates and copies the components. */
    public StartingDump {
        files = List.copyOf(files);
        Objects.requireNonNull(roles, "roles");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a starting dump needs at least one file");
        }
    }

    /** A digest of the files' content and the role policy: templates loaded from equal dumps are alike. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(roles.name().getBytes(StandardCharsets.UTF_8));
            for (DumpFile file : files) {
                digest.update(("\n" + file.text().length() + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The files' sources, e.g. {@code classpath:prod/schema.sql + classpath:prod/history.sql}. */
    public String describe() {
        return files.stream().map(DumpFile::source).collect(Collectors.joining(" + "));
    }
}
