package dev.aiperf.api.ui;

import dev.aiperf.api.config.BenchmarkConfig;

import java.io.PrintStream;

/**
 * What a {@code ui} plugin is built from: a public constructor taking this one argument (or none).
 *
 * @param config the run's configuration
 * @param out    where progress is shown (the command line's standard error)
 */
public record UiContext(BenchmarkConfig config, PrintStream out) {
}
