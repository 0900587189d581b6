package dev.aiperf.archfixture;

/** Fixture: core-side code reading an environment variable itself instead of through AiperfEnvironment. */
public final class EnvironmentReadingLibrary {

    private EnvironmentReadingLibrary() {
    }

    public static String columns() {
        return System.getenv("COLUMNS");
    }
}
