package dev.aiperf.config;

/**
 * What the rules need to know about how the run was asked for, besides the settings.
 *
 * @param mockUrl     a placeholder URL when the run benchmarks the embedded mock server (CLI {@code --mock}), else
 *                    null; the real URL is set once the mock has started
 * @param terminal    whether the output goes to an interactive terminal (picks the default UI)
 * @param commandLine the command line as typed, written (redacted) into the artifacts; null for none
 */
public record Invocation(String mockUrl, boolean terminal, String commandLine) {
    /** A program calling the library: no mock, no terminal, no command line. */
    public static final Invocation LIBRARY = new Invocation(null, false, null);
}
