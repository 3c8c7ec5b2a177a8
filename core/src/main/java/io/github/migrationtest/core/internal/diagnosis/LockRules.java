package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.SessionWait;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs that stopped on a migration lock: the engine's own, or one held by someone else. */
final class LockRules implements Rule {

    private static final String ENGINE = ApplicationNames.ENGINE;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        if (failure.engineMessage().toLowerCase(Locale.ROOT).contains("could not acquire change log lock")) {
            return liquibaseLock(evidence);
        }
        boolean lockRetriesExhausted = failure.engineMessage().contains("advisory lock");
        if (failure.kind() != MigrationFailure.Kind.TIMEOUT && !lockRetriesExhausted) {
            return Optional.empty();
        }
        for (SessionWait wait : failure.waits()) {
            Optional<SessionWait> lockHolder = wait.blockedBy().stream().filter(LockRules::holdsAdvisoryLock).findFirst();
            if (lockHolder.isEmpty()) {
                continue;
            }
            SessionWait holder = lockHolder.get();
            if (concurrently(wait) && holder.application().equals(ENGINE)) {
                return Optional.of(new Finding(Diagnosis.CONCURRENT_INDEX_BLOCKED_BY_MIGRATION_LOCK,
                        "CREATE INDEX CONCURRENTLY waits for every open transaction to end, and Flyway holds its"
                                + " migration lock in a transaction of its own (session " + holder.pid() + ") until"
                                + " the migration ends: each waits for the other, forever.",
                        List.of("session " + wait.pid() + " runs " + wait.query().strip() + " and waits on "
                                + wait.waitEvent().orElse("a lock"), "session " + holder.pid() + " holds "
                                + String.join(", ", holder.held())),
                        "Set flyway.postgresql.transactional.lock=false, so that Flyway holds its lock in the session"
                                + " instead of a transaction (Flyway 10 and later lock in a transaction by default)."));
            }
        }
        // Flyway polls for its lock from Java, so its session waits on nothing the wait report sees: ask
        // pg_locks who holds an advisory lock in this database besides the engine.
        List<List<String>> holders = evidence.rows("select a.pid::text, coalesce(nullif(a.application_name, ''),"
                + " 'no application name'), a.state, round(extract(epoch from now() - a.state_change))::text,"
                + " l.classid::text, l.objid::text from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and a.datname = current_database()"
                + " and a.application_name <> ? order by a.pid", ENGINE);
        if (!holders.isEmpty()) {
            return Optional.of(heldBy(holders.get(0)));
        }
        return evidence.value("select 1 from databasechangeloglock where locked").isPresent()
                ? liquibaseLock(evidence) : Optional.empty();
    }

    private static Finding heldBy(List<String> holder) {
        String pid = holder.get(0);
        return new Finding(Diagnosis.MIGRATION_LOCK_HELD,
                "the engine waits for its migration lock, which session " + pid + " holds: another migrator, or a"
                        + " session left behind by a process that died.",
                List.of("session " + pid + " (" + holder.get(1) + ", " + holder.get(2) + " for " + holder.get(3)
                        + " s) holds advisory lock (" + holder.get(4) + ", " + holder.get(5) + ")"),
                "If that session belongs to a process that is gone, end it: SELECT pg_terminate_backend(" + pid
                        + "). If it is another instance migrating, let one instance migrate before the others start.");
    }

    private static Optional<Finding> liquibaseLock(Evidence evidence) {
        List<List<String>> lock = evidence.rows("select lockedby, lockgranted::text from databasechangeloglock"
                + " where locked");
        String by = lock.isEmpty() ? "an unknown process" : lock.get(0).get(0) + " since " + lock.get(0).get(1);
        return Optional.of(new Finding(Diagnosis.MIGRATION_LOCK_HELD,
                "Liquibase's changelog lock is taken (by " + by + "); Liquibase waits for it, and a process that"
                        + " died while migrating never releases it.",
                List.of("DATABASECHANGELOGLOCK: locked by " + by),
                "If that process is gone, release the lock: liquibase release-locks, or UPDATE databasechangeloglock"
                        + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE id = 1."));
    }

    private static boolean holdsAdvisoryLock(SessionWait session) {
        return session.held().stream().anyMatch(l -> l.contains("advisory lock"));
    }

    private static boolean concurrently(SessionWait wait) {
        return wait.query().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains(" CONCURRENTLY ");
    }
}
