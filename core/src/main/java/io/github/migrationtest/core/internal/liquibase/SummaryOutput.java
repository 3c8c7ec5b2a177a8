package io.github.migrationtest.core.internal.liquibase;

import java.lang.reflect.Method;
import java.util.Optional;
import liquibase.Liquibase;

/**
 * Sends Liquibase's update summary to its log instead of standard output. Liquibase 4.2x before
 * {@code UpdateSummaryOutputEnum} (4.21) has no such choice, so the setter is looked up by reflection.
 */
final class SummaryOutput {

    private static final Optional<Setter> SETTER = Setter.find();

    private SummaryOutput() {
    }

    static void toLog(Liquibase liquibase) {
        SETTER.ifPresent(setter -> setter.apply(liquibase));
    }

    private record Setter(Method method, Object log) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Optional<Setter> find() {
            try {
                Class<? extends Enum> type = (Class<? extends Enum>) Class.forName("liquibase.UpdateSummaryOutputEnum",
                        true, Liquibase.class.getClassLoader());
                return Optional.of(new Setter(Liquibase.class.getMethod("setShowSummaryOutput", type),
                        Enum.valueOf(type, "LOG")));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        void apply(Liquibase liquibase) {
            try {
                method.invoke(liquibase, log);
            } catch (ReflectiveOperationException e) {
                // The summary then goes where Liquibase sends it by default; nothing else changes.
            }
        }
    }
}
