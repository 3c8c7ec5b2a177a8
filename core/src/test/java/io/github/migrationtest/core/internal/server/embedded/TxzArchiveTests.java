package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the binaries' tar.xz, with the machine's xz where it has one. */
class TxzArchiveTests {

    @TempDir
    Path directory;

    @Test
    void unpacksFilesModesAndLinks() throws IOException {
        byte[] archive = archive();

        TxzArchive.extract(new ByteArrayInputStream(archive), directory.resolve("out"));

        Path out = directory.resolve("out");
        assertThat(out.resolve("bin/postgres")).hasContent("#!/bin/sh\necho postgres");
        assertThat(Files.getPosixFilePermissions(out.resolve("bin/postgres"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(out.resolve("share/notes.txt")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.isSymbolicLink(out.resolve("lib/libpq.so"))).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("lib/libpq.so")).toString()).isEqualTo("libpq.so.5");
        // A large file crosses many of xz's and tar's buffers: it must arrive whole.
        assertThat(Files.size(out.resolve("lib/libpq.so.5"))).isEqualTo(3_000_000);
        assertThat(Files.readAllBytes(out.resolve("lib/libpq.so.5"))).isEqualTo(large());
    }

    @Test
    void aCorruptArchiveFailsRatherThanLeavingHalfTheFiles() throws IOException {
        byte[] archive = archive();
        // Flip bytes in the middle of the compressed data: xz's check fails, and so does the Java retry.
        for (int i = archive.length / 2; i < archive.length / 2 + 64; i++) {
            archive[i] ^= 0x5a;
        }

        assertThatThrownBy(() -> TxzArchive.extract(new ByteArrayInputStream(archive), directory.resolve("out")))
                .isInstanceOf(IOException.class);
    }

    private static byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            directoryEntry(tar, "bin/");
            file(tar, "bin/postgres", "#!/bin/sh\necho postgres".getBytes(StandardCharsets.US_ASCII), 0755);
            directoryEntry(tar, "share/");
            file(tar, "share/notes.txt", "readme".getBytes(StandardCharsets.US_ASCII), 0644);
            directoryEntry(tar, "lib/");
            file(tar, "lib/libpq.so.5", large(), 0755);
            TarArchiveEntry link = new TarArchiveEntry("lib/libpq.so", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("libpq.so.5");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] large() {
        byte[] data = new byte[3_000_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >> 11));
        }
        return data;
    }

    private static void directoryEntry(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100000 | mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
