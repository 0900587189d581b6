package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary JSON's {@code run_info} (schema 1.2, extended in 1.3): what it takes to reproduce the run
 * from the file alone. A single run is the {@code base} variation, trial 0, outside any sweep; its seed
 * is {@code --random-seed} (omitted when none was given) and its command line is redacted.
 */
final class RunInfoJson {
    private RunInfoJson() {
    }

    static Map<String, Object> of(BenchmarkConfig config, String benchmarkId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark_id", benchmarkId);
        json.put("sweep_id", null);
        json.put("random_seed", config.input().randomSeed());
        json.put("trial", 0);
        json.put("run_label", null);
        json.put("variation_label", "base");
        json.put("variation_index", 0);
        json.put("variation_values", Map.of());
        json.put("cli_command", Redaction.commandLine(config));
        return json;
    }
}
