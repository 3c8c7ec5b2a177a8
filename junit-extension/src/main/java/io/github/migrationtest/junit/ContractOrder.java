package io.github.migrationtest.junit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The order of {@link MigrationChainContract}'s checks: clean install, upgrade, up-down-up, replay, broken states,
 * rerun, schema drift, then the class's own test methods as they come. The upgrade goes first so that a sequential
 * run builds the states the checks share in ascending order, each from the one before it. Named here rather than
 * with {@code @Order}, which Jupiter reports as ineffective under any orderer but its own; and unlike Jupiter's
 * orderers it asks for no execution mode, so that where the build enables parallel execution
 * ({@code junit.jupiter.execution.parallel.mode.default=concurrent}) the suite's tests still run concurrently.
 */
final class ContractOrder implements MethodOrderer {

    private static final List<String> CHECKS = List.of("cleanInstall", "upgradeFromEveryVersion", "rollbackRoundTrips",
            "replayUnrecorded", "discoveredBrokenStates", "rerunAppliesNothing", "schemaMatchesCommittedSnapshot");

    @Override
    public void orderMethods(MethodOrdererContext context) {
        // A stable sort: the class's own methods keep their relative order, after the checks.
        context.getMethodDescriptors().sort(Comparator.comparingInt(ContractOrder::position));
    }

    private static int position(MethodDescriptor method) {
        int index = method.getMethod().getDeclaringClass() == MigrationChainContract.class
                ? CHECKS.indexOf(method.getMethod().getName()) : -1;
        return index < 0 ? CHECKS.size() : index;
    }

    @Override
    public Optional<ExecutionMode> getDefaultExecutionMode() {
        return Optional.empty();
    }
}
