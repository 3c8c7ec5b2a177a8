package io.github.migrationtest.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A database session as it was when a run hit its time limit: what it ran, what it waited on, and
 * the sessions that blocked it.
 *
 * @param pid the backend process id
 * @param application the session's application name ({@code migrationtest-migrate} for the engine)
 * @param state {@code active}, {@code idle in transaction}, ...
 * @param seconds how long it had been in its current statement (or, when idle, since its last one)
 * @param database the database it is connected to
 * @param waitEvent what it waits on, e.g. {@code Lock/relation}; empty when it is not waiting
 * @param query the statement it runs (or, when idle, ran last)
 * @param wanted the locks it waits for, e.g. {@code AccessExclusiveLock on relation ledger}
 * @param held the notable locks it holds (advisory locks and locks on user relations)
 * @param blockedBy the sessions that block it
 */
public record SessionWait(int pid, String application, String state, double seconds, String database,
        Optional<String> waitEvent, String query, List<String> wanted, List<String> held, List<SessionWait> blockedBy) {

    /** Validates and copies the components. */
    public SessionWait {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(waitEvent, "waitEvent");
        Objects.requireNonNull(query, "query");
        wanted = List.copyOf(wanted);
        held = List.copyOf(held);
        blockedBy = List.copyOf(blockedBy);
    }

    /** Whether the session is running a statement (as opposed to idle). */
    public boolean active() {
        return state.equals("active");
    }

    /** The session, its wait, its statement and its blockers as indented lines. */
    public String describe(String indent) {
        StringBuilder text = new StringBuilder(indent).append("session ").append(pid).append(" (")
                .append(application.isEmpty() ? "no application name" : application).append(", ").append(state)
                .append(" for ").append(String.format(Locale.ROOT, "%.1f s", seconds)).append(", database ")
                .append(database).append(")");
        waitEvent.ifPresent(w -> text.append(" waiting on ").append(w)
                .append(wanted.isEmpty() ? "" : ", wants " + String.join(", ", wanted)));
        if (!query.isBlank()) {
            text.append("\n").append(indent).append("  ").append(active() ? "running: " : "last statement: ")
                    .append(oneLine(query));
        }
        if (!held.isEmpty()) {
            text.append("\n").append(indent).append("  holds ").append(String.join(", ", held));
        }
        for (SessionWait blocker : blockedBy) {
            text.append("\n").append(indent).append("  blocked by ").append(blocker.describe(indent + "  ").strip());
        }
        return text.toString();
    }

    private static String oneLine(String query) {
        String line = query.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
