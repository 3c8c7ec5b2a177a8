package io.github.migrationtest.junit;

import io.github.migrationtest.scenarios.data.DataChecks;
import io.github.migrationtest.scenarios.data.DataSettings;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The "applies to data" check, for a {@code @MigrationTest} class to implement next to (or without)
 * {@link MigrationChainContract}: each migration applied to a populated database - the chain before it
 * applied, every table filled with generated, adversarial rows - succeeds, or fails with the diagnosis
 * declared for it, and keeps the lock budget. Each migration's locks, rewrites and the waits of concurrent
 * readers and writers go into the class's report ({@code target/migrationtest/<TestClass>.html}).
 *
 * <pre>{@code
 * @MigrationTest(flyway = "classpath:db/migration")
 * class BillingChainTests implements MigrationChainContract, MigrationDataContract {
 *     @Override
 *     public DataSettings data() {
 *         return DataSettings.defaults().rows("orders", 200_000)
 *                 .lockBudget(LockBudget.blockingAtMost(Duration.ofMillis(200)));
 *     }
 * }
 * }</pre>
 */
public interface MigrationDataContract {

    /** How the data check populates its databases and what it expects; override to change the defaults. */
    default DataSettings data() {
        return DataSettings.defaults();
    }

    /** Each migration applies to its populated state, or fails as declared, within the lock budget. */
    @TestFactory
    @DisplayName("applies to data")
    default Stream<DynamicTest> appliesToData(DataChecks checks) {
        DataSettings settings = data();
        return checks.migrations().stream().map(m -> DynamicTest.dynamicTest(m.displayName() + " "
                + settings.expectedFailure(m.id()).map(d -> "fails on a populated database with " + d)
                        .orElse("applies to a populated database"), () -> checks.appliesToData(m, settings)));
    }
}
