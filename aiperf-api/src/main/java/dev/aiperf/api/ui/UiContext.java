package dev.aiperf.api.ui;

import dev.aiperf.api.config.BenchmarkConfig;

import java.io.PrintStream;

/**
 * What a {@code ui} plugin is built from: a public constructor taking this one argument (or none).
 *
 * @param config  the run's configuration
 * @param out     where progress is shown (the command line's standard error)
 * @param stopRun asks the run to stop as Ctrl-C does (stop sending, cancel in-flight requests, export
 *                what was measured); for a UI with a quit key
 */
public record UiContext(BenchmarkConfig config, PrintStream out, Runnable stopRun) {
    /** A context whose UI cannot stop the run. */
    public UiContext(BenchmarkConfig config, PrintStream out) {
        this(config, out, () -> { });
    }
}
