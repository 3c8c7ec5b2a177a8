package io.github.migrationtest.core.internal.server.embedded;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a postmaster by signal. Java can only send SIGTERM, which PostgreSQL reads as "smart
 * shutdown: wait for every client to disconnect"; tests leak connections, so fast (SIGINT) and
 * immediate (SIGQUIT) shutdown are sent with {@code kill}.
 */
final class Signals {

    private Signals() {
    }

    /** Fast shutdown, then immediate, then SIGKILL, each after a grace period. */
    static void stop(long pid, Duration grace) {
        if (!signal(pid, "INT", grace) && !signal(pid, "QUIT", grace)) {
            signal(pid, "KILL", grace);
        }
    }

    /**
     * Immediate shutdown, for servers nobody uses any more. Only for a process proven to be such a
     * server ({@link Postmaster#notOurs}): a pid alone may belong to anyone by now.
     */
    static void stopNow(long pid) {
        if (!signal(pid, "QUIT", Duration.ofSeconds(5))) {
            signal(pid, "KILL", Duration.ofSeconds(5));
        }
    }

    private static boolean signal(long pid, String signal, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            handle.get().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (IOException | ExecutionException | TimeoutException e) {
            return !handle.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.get().isAlive();
        }
    }
}
