package io.github.migrationtest.core.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Counts of work per thread: nested counts add up, and other threads' work is not counted. */
class WorkCountTests {

    @Test
    void aCountInsideAnotherAddsToBothAndStoppingItCountsForTheOuterOneAgain() {
        WorkCount outer = WorkCount.start();
        try {
            WorkCount.stateBuilt();
            WorkCount inner = WorkCount.start();
            WorkCount.stateBuilt();
            inner.migrationsRun(3);
            inner.stop();
            WorkCount.stateBuilt();

            assertThat(inner.statesBuilt()).isEqualTo(1);
            assertThat(inner.migrationsRun()).isEqualTo(3);
            assertThat(outer.statesBuilt()).isEqualTo(3);
            assertThat(outer.migrationsRun()).isEqualTo(3);
        } finally {
            outer.stop();
        }
        assertThat(WorkCount.current()).isEmpty();
    }

    @Test
    void whatAnotherThreadBuildsIsNotCountedHere() throws Exception {
        WorkCount here = WorkCount.start();
        try {
            int countedThere = CompletableFuture.supplyAsync(() -> {
                WorkCount there = WorkCount.start();
                try {
                    WorkCount.stateBuilt();
                    WorkCount.stateBuilt();
                    return there.statesBuilt();
                } finally {
                    there.stop();
                }
            }).get();

            assertThat(countedThere).isEqualTo(2);
            assertThat(here.statesBuilt()).isZero();
        } finally {
            here.stop();
        }
    }
}
