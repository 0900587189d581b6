package dev.aiperf.api.endpoint;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.random.RandomStreams;

/**
 * What a {@code url_selection_strategy} plugin is built from.
 *
 * @param config   the run's configuration (its URLs are {@code config.endpoint().urls()})
 * @param urlCount how many base URLs there are; at least 1
 * @param random   the run's random streams
 */
public record UrlSelectionContext(BenchmarkConfig config, int urlCount, RandomStreams random) {
    public UrlSelectionContext {
        if (urlCount < 1) {
            throw new IllegalArgumentException("urlCount must be at least 1, got " + urlCount);
        }
    }
}
