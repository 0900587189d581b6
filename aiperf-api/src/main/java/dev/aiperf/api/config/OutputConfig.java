package dev.aiperf.api.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where results go and what is shown.
 *
 * @param artifactDir   the resolved artifact directory
 * @param exportLevel   {@code summary}, {@code records} or {@code raw}
 * @param ui            UI plugin name
 * @param goodput       SLOs: metric tag to threshold in the metric's display unit; empty for none
 * @param tokenizer     tokenizer name (built-in encodings: cl100k_base, o200k_base, ...)
 * @param commandLine   the reconstructed command, embedded in exports (API key redacted)
 */
public record OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                           String tokenizer, String commandLine) {
    public OutputConfig {
        goodput = Map.copyOf(goodput);
    }
}
