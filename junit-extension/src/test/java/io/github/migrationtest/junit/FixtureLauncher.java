package io.github.migrationtest.junit;

/**
 * Runs one fixture class on the Jupiter engine and prints its single failure, for tests that need a
 * JVM with a different class path or environment.
 */
public final class FixtureLauncher {

    static final String MARKER = "FIXTURE-FAILURE ";

    private FixtureLauncher() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Class<?> fixture = Class.forName(args[0]);
        Throwable failure = EngineRuns.onlyFailure(EngineRuns.run(fixture));
        System.out.println(MARKER + failure.getClass().getName() + ": " + failure.getMessage().replace("\n", "\\n"));
    }
}
