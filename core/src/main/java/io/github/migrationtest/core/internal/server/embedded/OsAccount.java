package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operating-system account the server runs as. PostgreSQL refuses to run as root, and CI
 * containers run everything as root; there the server runs as an unprivileged account
 * ({@code nobody} by default) through {@code setpriv} or {@code runuser}, and its directories are
 * handed over to that account.
 */
final class OsAccount {

    private final Optional<Unprivileged> switchTo;

    private record Unprivileged(String name, long uid, long gid, List<String> prefix) {
    }

    private OsAccount(Optional<Unprivileged> switchTo) {
        this.switchTo = switchTo;
    }

    static OsAccount forServer(Configuration configuration) {
        if (!runningAsRoot()) {
            return new OsAccount(Optional.empty());
        }
        String name = configuration.get(Setting.EMBEDDED_OS_USER);
        String[] entry = passwdEntry(name).orElseThrow(() -> new MigrationTestConfigurationException(
                "The JVM runs as root, and PostgreSQL refuses to run as root, so the embedded server runs as the"
                        + " account '" + name + "' (" + Setting.EMBEDDED_OS_USER.key() + ") - but this machine has no"
                        + " such account. Set " + Setting.EMBEDDED_OS_USER.key() + " to an existing unprivileged account,"
                        + " or run the build as a non-root user."));
        long uid = Long.parseLong(entry[2]);
        long gid = Long.parseLong(entry[3]);
        List<String> prefix = new ArrayList<>();
        Optional<Path> setpriv = onPath("setpriv");
        Optional<Path> runuser = onPath("runuser");
        if (setpriv.isPresent()) {
            prefix.addAll(List.of(setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        } else if (runuser.isPresent()) {
            prefix.addAll(List.of(runuser.get().toString(), "-u", name, "--"));
        } else {
            throw new MigrationTestConfigurationException("The JVM runs as root and PostgreSQL refuses to run as root;"
                    + " migrationtest switches to the account '" + name + "' with setpriv or runuser (util-linux),"
                    + " but neither is on the PATH. Install util-linux or run the build as a non-root user.");
        }
        return new OsAccount(Optional.of(new Unprivileged(name, uid, gid, List.copyOf(prefix))));
    }

    /** The command, run as this account. */
    List<String> command(List<String> command) {
        List<String> result = new ArrayList<>(switchTo.map(Unprivileged::prefix).orElse(List.of()));
        result.addAll(command);
        return result;
    }

    /** Hands a directory (and what it holds) to this account. */
    void own(Path directory) {
        if (switchTo.isEmpty()) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
            var user = lookup.lookupPrincipalByName(switchTo.get().name());
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(Long.toString(switchTo.get().gid()));
            try (var walk = Files.walk(directory)) {
                for (Path path : walk.toList()) {
                    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hand " + directory + " to the account '"
                    + switchTo.get().name() + "' that runs the embedded server", e);
        }
    }

    /**
     * Checks that this account can enter every directory down to {@code directory}, where the server's
     * data will be: initdb, run as that account, fails with only "Permission denied" otherwise.
     *
     * @param origin what chose the place, for the message: the setting and its value, or the temp directory
     */
    void requireReachable(Path directory, String origin, String fix) {
        if (switchTo.isEmpty()) {
            return;
        }
        Unprivileged account = switchTo.get();
        for (Path p = directory.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                int mode = ((Number) Files.getAttribute(p, "unix:mode")).intValue();
                long uid = ((Number) Files.getAttribute(p, "unix:uid")).longValue();
                long gid = ((Number) Files.getAttribute(p, "unix:gid")).longValue();
                int bit = uid == account.uid() ? 0100 : gid == account.gid() ? 0010 : 0001;
                if ((mode & bit) == 0) {
                    throw new MigrationTestConfigurationException(origin + ", but the embedded server runs as '"
                            + account.name() + "' (the JVM runs as root, and PostgreSQL refuses root), and '"
                            + account.name() + "' cannot enter " + p + " (mode " + Integer.toOctalString(mode & 07777)
                            + ", owner " + TrustedPaths.account(uid) + "). " + fix + ", or let it in: chmod o+x " + p
                            + ".");
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return;
            }
        }
    }

    /** How messages name the account. */
    String describe() {
        return switchTo.map(u -> "as '" + u.name() + "' (the JVM runs as root)").orElse("as the current user");
    }

    private static boolean runningAsRoot() {
        try {
            Path probe = Files.createTempFile("migrationtest-uid", ".probe");
            try {
                return ((Number) Files.getAttribute(probe, "unix:uid")).longValue() == 0;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Optional<String[]> passwdEntry(String name) {
        try {
            for (String line : Files.readAllLines(Paths.get("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length >= 4 && fields[0].equals(name)) {
                    return Optional.of(fields);
                }
            }
        } catch (IOException e) {
            // Fall through to getent for systems whose accounts are not in /etc/passwd.
        }
        try {
            Process process = new ProcessBuilder("getent", "passwd", name).redirectErrorStream(true).start();
            String line = new String(process.getInputStream().readAllBytes()).trim();
            String[] fields = line.split(":");
            return process.waitFor() == 0 && fields.length >= 4 ? Optional.of(fields) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : ((path == null ? "" : path) + ":/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, program))) {
                return Optional.of(Paths.get(dir, program));
            }
        }
        return Optional.empty();
    }
}
