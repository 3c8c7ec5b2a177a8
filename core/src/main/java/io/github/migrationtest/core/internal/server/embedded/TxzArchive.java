package io.github.migrationtest.core.internal.server.embedded;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks a tar.xz archive (the form the io.zonky.test.postgres jars carry binaries in).
 *
 * <p>Decompressing is most of the cost, and the machine's {@code xz} does it 4-7 times faster than
 * Java: where one is on the PATH it decompresses and Java reads the tar stream as ever, so entries,
 * links and modes are handled, and can be verified, exactly alike. Should {@code xz} fail, the archive
 * is unpacked again in Java.
 */
final class TxzArchive {

    private static final List<Path> XZ = List.of(Paths.get("/usr/bin/xz"), Paths.get("/bin/xz"),
            Paths.get("/usr/local/bin/xz"), Paths.get("/opt/homebrew/bin/xz"));

    private TxzArchive() {
    }

    /** Unpacks the archive into {@code target} and returns what it held, as read from the archive. */
    static BinaryManifest extract(InputStream compressed, Path target) throws IOException {
        Optional<Path> xz = XZ.stream().filter(Files::isExecutable).findFirst();
        if (xz.isEmpty()) {
            return unpack(new XZCompressorInputStream(new BufferedInputStream(compressed, 1 << 16)), target);
        }
        // Held in memory (some 15 MB) so that a failed native run can be retried in Java.
        byte[] archive = compressed.readAllBytes();
        try {
            return unpackWithNative(xz.get(), archive, target);
        } catch (IOException e) {
            Workspace.deleteRecursively(target);
            return unpack(new XZCompressorInputStream(new ByteArrayInputStream(archive)), target);
        }
    }

    private static BinaryManifest unpackWithNative(Path xz, byte[] archive, Path target) throws IOException {
        Process process = new ProcessBuilder(xz.toString(), "--decompress", "--stdout")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(archive);
            } catch (IOException e) {
                // xz stopped reading: its exit code says why.
            }
        }, "migrationtest-xz-feeder");
        feeder.setDaemon(true);
        feeder.start();
        BinaryManifest manifest;
        try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            manifest = unpack(new FilterInputStream(out) {
                @Override
                public void close() {
                    // Left open: what tar does not read (padding after its end) must be drained for xz to finish.
                }
            }, target);
            out.transferTo(OutputStream.nullOutputStream());
        } finally {
            process.getInputStream().close();
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(xz + " did not finish");
            }
            feeder.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while " + xz + " decompressed", e);
        }
        if (process.exitValue() != 0) {
            // xz checks the archive's CRC64 to its end: a non-zero exit means the output is not to be trusted.
            throw new IOException(xz + " exited with " + process.exitValue());
        }
        return manifest;
    }

    private static BinaryManifest unpack(InputStream decompressed, Path target) throws IOException {
        BinaryManifest manifest = new BinaryManifest();
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry " + entry.getName() + " points outside " + target);
                }
                String name = target.relativize(path).toString();
                if (name.isEmpty()) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    manifest.add(name, new BinaryManifest.Entry('d', 0, "-", "-"));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
                    manifest.add(name, new BinaryManifest.Entry('l', 0, "-", entry.getLinkName()));
                    continue;
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Path linked = target.resolve(entry.getLinkName()).normalize();
                    Files.createLink(path, linked);
                    String linkName = entry.getLinkName();
                    manifest.add(name, manifest.entry(target.relativize(linked).toString()).orElseThrow(() ->
                            new IOException("Archive entry " + name + " links to " + linkName
                                    + ", which comes later or not at all")));
                    continue;
                } else {
                    Files.createDirectories(path.getParent());
                    MessageDigest digest = BinaryManifest.digest();
                    Files.copy(new DigestInputStream(tar, digest), path);
                    manifest.add(name, new BinaryManifest.Entry('f', Files.size(path),
                            HexFormat.of().formatHex(digest.digest()), "-"));
                }
                setMode(path, entry.getMode(), entry.isDirectory());
            }
        }
        // Directories the archive creates only implicitly (a file's parent without its own entry).
        try (var walk = Files.walk(target)) {
            for (Path path : walk.toList()) {
                String name = target.relativize(path).toString();
                if (!name.isEmpty() && Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && manifest.entry(name).isEmpty()) {
                    manifest.add(name, new BinaryManifest.Entry('d', 0, "-", "-"));
                }
            }
        }
        return manifest;
    }

    private static void setMode(Path path, int mode, boolean directory) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        // Readable by everyone: the server may run as another account than the one that unpacked it.
        if (directory || (mode & 0111) != 0) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            path.toFile().setExecutable((mode & 0111) != 0 || directory, false);
        }
    }
}
