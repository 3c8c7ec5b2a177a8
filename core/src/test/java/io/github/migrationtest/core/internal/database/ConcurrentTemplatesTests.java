package io.github.migrationtest.core.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tests asking the template cache for states of one chain at the same time: each state is built once, from
 * the nearest state below it even while that one is still being built, and each test is charged only for
 * what it built itself.
 */
class ConcurrentTemplatesTests {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final DatabaseFactory factory = TestDatabases.factory();

    /** What one thread got and did. */
    private record Asked(String template, long migrations, int states) {
    }

    @Test
    void testsAskingForOneStateAtOnceGetOneTemplateBuiltOnceByOneOfThem() throws Exception {
        FlywayChain chain = chain("same-state", 6);
        int builtBefore = factory.templates().templatesBuilt();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Asked>> asked = IntStream.range(0, 4).mapToObj(i -> threads.submit(() -> {
                start.await();
                return ask(chain, Optional.empty());
            })).toList();
            start.countDown();
            List<Asked> answers = asked.stream().map(ConcurrentTemplatesTests::get).toList();

            assertThat(answers).extracting(Asked::template).containsOnly(answers.get(0).template());
            assertThat(factory.templates().templatesBuilt() - builtBefore).isEqualTo(1);
            assertThat(answers).filteredOn(a -> a.states() == 1).singleElement()
                    .satisfies(builder -> assertThat(builder.migrations()).isEqualTo(6));
            assertThat(answers).filteredOn(a -> a.states() == 0).hasSize(3)
                    .allSatisfy(waiter -> assertThat(waiter.migrations()).isZero());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStateAskedForWhileALowerOneIsBeingBuiltIsBuiltFromThatOne() throws Exception {
        FlywayChain chain = chain("nearer-state", 10);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Asked> lower = threads.submit(() -> ask(chain, Optional.of("8")));
            // The template of state 8 exists on the server from the moment its build starts.
            awaitTemplateOf(chain, "8");
            Future<Asked> higher = threads.submit(() -> ask(chain, Optional.of("10")));

            assertThat(get(lower)).satisfies(a -> {
                assertThat(a.migrations()).isEqualTo(8);
                assertThat(a.states()).isEqualTo(1);
            });
            // From state 8, not from the empty database: two migrations, not ten.
            assertThat(get(higher)).satisfies(a -> {
                assertThat(a.migrations()).isEqualTo(2);
                assertThat(a.states()).isEqualTo(1);
            });
        } finally {
            threads.shutdownNow();
        }
    }

    private Asked ask(FlywayChain chain, Optional<String> target) {
        WorkCount count = WorkCount.start();
        try {
            String template = factory.templates().templateAt(chain, target, LIMIT);
            return new Asked(template, count.migrationsRun(), count.statesBuilt());
        } finally {
            count.stop();
        }
    }

    private void awaitTemplateOf(FlywayChain chain, String version) throws SQLException, InterruptedException {
        String purpose = "template of " + chain.description() + " at " + version + ", ";
        try (Connection connection = factory.server().address().connect("postgres", "test");
                PreparedStatement statement = connection.prepareStatement("select count(*) from pg_database d"
                        + " where strpos(shobj_description(d.oid, 'pg_database'), ?) > 0")) {
            statement.setString(1, purpose);
            for (int look = 0; look < 6_000; look++) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("No template '" + purpose + "' appeared on the server");
    }

    /** A chain of its own (so that no other test built its states), each migration taking a moment. */
    private static FlywayChain chain(String name, int size) throws IOException {
        Path directory = Path.of("target", "generated-chains", "concurrent-templates-" + name);
        Files.createDirectories(directory);
        for (int i = 1; i <= size; i++) {
            Files.writeString(directory.resolve("V" + i + "__table_" + i + ".sql"), "SELECT pg_sleep(0.05);\n"
                    + "CREATE TABLE table_" + i + " (id bigint PRIMARY KEY);\n");
        }
        return FlywayChain.builder().locations("filesystem:" + directory).build();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
