package io.github.migrationtest.junit;

import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The order of {@link MigrationChainContract}'s checks: by their {@code @Order}, the upgrade first, so that a
 * sequential run builds the states they share in ascending order, each from the one before it. Unlike
 * Jupiter's own orderers it asks for no execution mode: where the build enables parallel execution
 * ({@code junit.jupiter.execution.parallel.mode.default=concurrent}), the suite's tests still run concurrently.
 */
final class ContractOrder implements MethodOrderer {

    private final MethodOrderer byOrder = new MethodOrderer.OrderAnnotation();

    @Override
    public void orderMethods(MethodOrdererContext context) {
        byOrder.orderMethods(context);
    }

    @Override
    public Optional<ExecutionMode> getDefaultExecutionMode() {
        return Optional.empty();
    }
}
