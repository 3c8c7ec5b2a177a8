package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Which paths the embedded provider may execute or trust. The binaries cache and the server
 * directories sit at predictable places under shared directories ({@code /tmp}, {@code /dev/shm}):
 * another local account could create them first and plant a {@code bin/postgres} that the build,
 * often root, would run. So a directory of the workspace is used only if the current user owns it
 * and no one else can write to it, and every directory above it is owned by root or the current user
 * and is writable by no one else, or is sticky like {@code /tmp}.
 */
final class TrustedPaths {

    private static final long ROOT = 0;
    private static volatile Long currentUid;

    private TrustedPaths() {
    }

    /**
     * Creates a directory of the workspace if it is missing, or checks that the existing one is ours,
     * and gives it the mode.
     *
     * @param mode e.g. {@code rwx------}, or {@code rwxr-xr-x} where the server runs as another account
     * @throws MigrationTestConfigurationException if the directory is not the current user's, naming it and the fix
     */
    static Path ownedDirectory(Path directory, String mode) {
        requireTrustedAncestors(directory.getParent(), directory);
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // Checked below: existing is fine when it is ours.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory + " for the embedded PostgreSQL server", e);
        }
        requireOwned(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: ownership cannot be told either.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set the mode of " + directory, e);
        }
        return directory;
    }

    /**
     * Checks that a file or directory inside the workspace is the current user's and not writable by
     * anyone else.
     */
    static void requireOwned(Path path) {
        Attributes attributes = attributes(path).orElseThrow(() -> new MigrationTestConfigurationException(
                path + " vanished while migrationtest checked it; run again."));
        if (attributes.symbolicLink()) {
            throw refusal(path, "is a symbolic link (to " + linkTarget(path) + "), not a directory migrationtest made");
        }
        if (attributes.uid() != currentUid()) {
            throw refusal(path, "is owned by " + account(attributes.uid()) + ", not by " + account(currentUid())
                    + ", who runs this build");
        }
        if ((attributes.mode() & 0022) != 0) {
            throw refusal(path, "is writable by " + writers(attributes.mode()) + " (mode "
                    + Integer.toOctalString(attributes.mode() & 07777) + ")");
        }
    }

    /**
     * Checks a directory migrationtest did not make but is asked to run programs from (a local
     * install, {@code migrationtest.embedded.binaries}): it and every directory above it must be owned
     * by root or the current user and not writable by anyone else (sticky directories excepted).
     */
    static void requireTrustedInstall(Path directory, String what) {
        requireTrustedAncestors(directory, directory);
        for (String program : new String[] {"bin/postgres", "bin/initdb", "bin"}) {
            Path path = directory.resolve(program);
            attributes(path).ifPresent(a -> {
                if ((a.uid() != ROOT && a.uid() != currentUid()) || (a.mode() & 0022) != 0) {
                    throw new MigrationTestConfigurationException(what + " " + path + " is owned by " + account(a.uid())
                            + " (mode " + Integer.toOctalString(a.mode() & 07777) + "): migrationtest runs PostgreSQL"
                            + " only from files that root or " + account(currentUid()) + " owns and no one else can"
                            + " write. Fix the ownership (chown root and chmod go-w) or use binaries you installed.");
                }
            });
        }
    }

    private static void requireTrustedAncestors(Path from, Path checked) {
        for (Path p = from == null ? null : from.toAbsolutePath(); p != null; p = p.getParent()) {
            Attributes attributes = attributes(p).orElse(null);
            if (attributes == null) {
                continue;
            }
            boolean trustedOwner = attributes.uid() == ROOT || attributes.uid() == currentUid();
            boolean othersWrite = (attributes.mode() & 0022) != 0;
            boolean sticky = (attributes.mode() & 01000) != 0;
            if (!trustedOwner || (othersWrite && !sticky)) {
                throw new MigrationTestConfigurationException("Refusing to use " + checked + ": the directory " + p
                        + " above it is owned by " + account(attributes.uid()) + " (mode "
                        + Integer.toOctalString(attributes.mode() & 07777) + "), so another account could replace what"
                        + " is below it. Use a place that only root and " + account(currentUid()) + " can write to"
                        + " (java.io.tmpdir, or migrationtest.embedded.data-directory for server data).");
            }
        }
    }

    private static MigrationTestConfigurationException refusal(Path path, String problem) {
        return new MigrationTestConfigurationException("Refusing to use " + path + ": it " + problem + ". migrationtest"
                + " runs and trusts only files it created for the current user, since another account could have put"
                + " a program there for this build to run. Remove it (rm -rf " + path + ") and run again, or point"
                + " java.io.tmpdir at a directory of your own.");
    }

    private static String writers(int mode) {
        return (mode & 0020) != 0 && (mode & 0002) != 0 ? "its group and everyone"
                : (mode & 0020) != 0 ? "its group" : "everyone";
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The account a uid belongs to, as messages name it: {@code nobody (uid 65534)}. */
    static String account(long uid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length >= 3 && fields[2].equals(Long.toString(uid))) {
                    return fields[0] + " (uid " + uid + ")";
                }
            }
        } catch (IOException e) {
            // The number alone then.
        }
        return "uid " + uid;
    }

    /** The uid this JVM runs as. */
    static long currentUid() {
        Long uid = currentUid;
        if (uid == null) {
            uid = probeUid();
            currentUid = uid;
        }
        return uid;
    }

    private static long probeUid() {
        try {
            return ((Number) Files.getAttribute(Paths.get("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            try {
                Path probe = Files.createTempFile("migrationtest-uid", ".probe");
                try {
                    return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException again) {
                return -1;
            }
        }
    }

    /** Owner and mode of a path, not following a last symbolic link; empty if it does not exist. */
    static Optional<Attributes> attributes(Path path) {
        try {
            boolean link = Files.isSymbolicLink(path);
            Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new Attributes(((Number) uid).longValue(), ((Number) mode).intValue(), link));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (not Linux or macOS): nothing can be told, so nothing is refused.
            return Optional.of(new Attributes(currentUid(), 0700, false));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the owner of " + path, e);
        }
    }

    /** Owner, mode bits and whether the path is a symbolic link. */
    record Attributes(long uid, int mode, boolean symbolicLink) {
    }
}
