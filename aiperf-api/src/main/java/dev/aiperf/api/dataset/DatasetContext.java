package dev.aiperf.api.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.random.RandomStreams;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.plugin.PluginRegistry;

/**
 * What a {@code dataset_composer}, {@code custom_dataset_loader} or {@code dataset_backing_store}
 * plugin is built from: a public constructor taking this one argument (or none).
 *
 * @param config    the run's configuration
 * @param tokenizer the run's tokenizer ({@code --tokenizer}), to size prompts in tokens
 * @param random    the run's random streams
 * @param registry  the plugin registry of the run, to look up other plugins by name
 */
public record DatasetContext(BenchmarkConfig config, Tokenizer tokenizer, RandomStreams random,
                             PluginRegistry registry) {
}
