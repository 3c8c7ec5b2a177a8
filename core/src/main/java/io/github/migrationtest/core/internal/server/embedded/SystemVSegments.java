package io.github.migrationtest.core.internal.server.embedded;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * System V shared memory segments, as Linux lists them in {@code /proc/sysvipc/shm}. A postmaster
 * killed with {@code -9} leaves its segment behind; nothing else removes it until the machine reboots.
 */
final class SystemVSegments {

    private static final Logger LOG = System.getLogger(SystemVSegments.class.getName());
    private static final Path TABLE = Paths.get("/proc/sysvipc/shm");

    /** One segment: key, id, the pid that created it and how many processes have it attached. */
    record Segment(long key, long id, long creatorPid, long attached) {
    }

    private SystemVSegments() {
    }

    /** The segment with that id, if this system lists it. */
    static Optional<Segment> find(long id) {
        try {
            List<String> lines = Files.readAllLines(TABLE);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                // key shmid perms size cpid lpid nattch ...
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 7 && Long.parseLong(fields[1]) == id) {
                    return Optional.of(new Segment(Long.parseLong(fields[0]), id, Long.parseLong(fields[4]),
                            Long.parseLong(fields[6])));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the table is not readable: nothing to clean then.
        }
        return Optional.empty();
    }

    /** Removes a segment with {@code ipcrm} (util-linux). */
    static void remove(Segment segment) {
        try {
            Process ipcrm = new ProcessBuilder("ipcrm", "-m", Long.toString(segment.id())).redirectErrorStream(true).start();
            String output = new String(ipcrm.getInputStream().readAllBytes()).trim();
            if (ipcrm.waitFor() != 0) {
                LOG.log(Level.WARNING, "Could not remove the shared memory segment {0} of a killed PostgreSQL server: {1}",
                        segment.id(), output);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not run ipcrm to remove the shared memory segment {0} of a killed PostgreSQL"
                    + " server: {1}", segment.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
