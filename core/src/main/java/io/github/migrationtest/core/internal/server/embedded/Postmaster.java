package io.github.migrationtest.core.internal.server.embedded;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The postmaster a data directory's {@code postmaster.pid} names, and what may be done to it. A pid
 * file outlives its server: after a kill or a reboot the pid may belong to any process, even another
 * PostgreSQL server. A process is taken for that server only if its start time matches the one the
 * file records and it runs {@code postgres} on that very data directory; anything else is left alone.
 *
 * @param pid the process id the file names
 * @param dataDirectory the data directory the file names
 * @param started when the postmaster started, as the file records it
 * @param sharedMemory the System V segment the file names (key and id), if any
 */
record Postmaster(long pid, Path dataDirectory, Instant started, Optional<SharedMemory> sharedMemory) {

    private static final Logger LOG = System.getLogger(Postmaster.class.getName());
    // The file records seconds; the process starts a moment before the postmaster writes them.
    private static final Duration START_TOLERANCE = Duration.ofSeconds(3);

    /** A System V shared memory segment: the postmaster's interlock segment. */
    record SharedMemory(long key, long id) {
    }

    /** The postmaster recorded in a data directory, if it has a readable pid file. */
    static Optional<Postmaster> of(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            if (lines.size() < 3) {
                return Optional.empty();
            }
            Optional<SharedMemory> memory = Optional.empty();
            if (lines.size() >= 7) {
                String[] fields = lines.get(6).trim().split("\\s+");
                if (fields.length == 2) {
                    memory = Optional.of(new SharedMemory(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
                }
            }
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), Paths.get(lines.get(1).trim()),
                    Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim())), memory));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the process with the recorded pid is not this postmaster, or empty if it is: a process
     * migrationtest may signal.
     */
    Optional<String> notOurs(Path expectedDataDirectory) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return Optional.of("no process " + pid + " runs");
        }
        if (!dataDirectory.toAbsolutePath().normalize().equals(expectedDataDirectory.toAbsolutePath().normalize())) {
            return Optional.of("the pid file names the data directory " + dataDirectory + ", not " + expectedDataDirectory);
        }
        ProcessHandle.Info info = handle.get().info();
        Optional<Instant> processStart = info.startInstant();
        if (processStart.isEmpty() || Duration.between(processStart.get(), started).abs().compareTo(START_TOLERANCE) > 0) {
            return Optional.of("process " + pid + " started at " + processStart.map(Instant::toString).orElse("an unknown time")
                    + ", but the postmaster of " + expectedDataDirectory + " started at " + started);
        }
        if (!info.command().map(c -> c.endsWith("/postgres")).orElse(false)) {
            return Optional.of("process " + pid + " runs " + info.command().orElse("an unknown command") + ", not postgres");
        }
        Optional<String[]> arguments = info.arguments();
        if (arguments.isPresent() && !List.of(arguments.get()).contains(expectedDataDirectory.toString())) {
            return Optional.of("process " + pid + " is a postgres of another data directory");
        }
        return Optional.empty();
    }

    /**
     * Stops this postmaster if it still runs and is proven to be the server of {@code dataDirectory};
     * otherwise leaves the process alone and says so. Then removes its shared memory segment if the
     * postmaster is gone (killed with {@code -9}, it could not remove it itself).
     */
    void stopOrphan(Path expectedDataDirectory) {
        Optional<String> notOurs = notOurs(expectedDataDirectory);
        if (notOurs.isEmpty()) {
            Signals.stopNow(pid);
        } else if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            LOG.log(Level.WARNING, "Left process {0} alone while removing the orphaned server directory {1}: {2}."
                    + " migrationtest signals only servers it can prove it started.", pid,
                    expectedDataDirectory.getParent(), notOurs.get());
        }
        sharedMemory.ifPresent(this::removeIfOrphaned);
    }

    private void removeIfOrphaned(SharedMemory memory) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && notOurs(dataDirectory).isEmpty()) {
            return;
        }
        SystemVSegments.find(memory.id())
                .filter(segment -> segment.key() == memory.key() && segment.creatorPid() == pid && segment.attached() == 0)
                .ifPresent(SystemVSegments::remove);
    }
}
