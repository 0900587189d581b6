package dev.aiperf.config;

import dev.aiperf.api.config.BenchmarkConfig;

import java.util.List;

/**
 * A configuration that passed every rule, and what the user should be warned about (a setting ignored or
 * overridden, e.g. {@code --streaming} on an endpoint that cannot stream).
 */
public record ConfigResult(BenchmarkConfig config, List<String> warnings) {
    public ConfigResult {
        warnings = List.copyOf(warnings);
    }
}
