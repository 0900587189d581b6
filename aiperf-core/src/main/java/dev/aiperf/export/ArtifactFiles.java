package dev.aiperf.export;

import dev.aiperf.api.config.OutputConfig;

import java.util.Comparator;
import java.util.List;

/**
 * Names of the files in the artifact directory (metrics spec §5.1). The defaults match the
 * original; {@link #withPrefix} applies {@code --profile-export-prefix}.
 *
 * @param summaryJson     run summary, {@code profile_export_aiperf.json}
 * @param summaryCsv      run summary, {@code profile_export_aiperf.csv}
 * @param recordsJsonl    one line per request, {@code profile_export.jsonl}
 * @param rawRecordsJsonl full payloads and raw responses, {@code profile_export_raw.jsonl}
 * @param timeslicesJson  per-slice summaries, {@code profile_export_aiperf_timeslices.json}
 * @param timeslicesCsv   per-slice summaries, {@code profile_export_aiperf_timeslices.csv}
 */
public record ArtifactFiles(String summaryJson, String summaryCsv, String recordsJsonl, String rawRecordsJsonl,
                            String timeslicesJson, String timeslicesCsv) {
    public static final ArtifactFiles DEFAULT = new ArtifactFiles("profile_export_aiperf.json",
            "profile_export_aiperf.csv", "profile_export.jsonl", "profile_export_raw.jsonl",
            "profile_export_aiperf_timeslices.json", "profile_export_aiperf_timeslices.csv");

    /** The dataset payloads written before the run. */
    public static final String INPUTS_JSON = "inputs.json";
    /** The run's log, relative to the artifact directory. */
    public static final String LOG_FILE = "logs/aiperf.log";

    /** The names of a run's files: the defaults, or those of its {@code --profile-export-prefix}. */
    public static ArtifactFiles of(OutputConfig output) {
        return output.exportPrefix() == null ? DEFAULT : withPrefix(output.exportPrefix());
    }

    /**
     * The server-metrics file of {@code format} ({@code json}, {@code csv}, {@code jsonl}):
     * {@code server_metrics_export.<format>}, or {@code X_server_metrics.<format>} with a prefix.
     */
    public String serverMetrics(String format) {
        String stem = stem();
        return stem == null ? "server_metrics_export." + format : stem + "_server_metrics." + format;
    }

    /** {@code gpu_telemetry_export.jsonl}, or {@code X_gpu_telemetry.jsonl} with a prefix. */
    public String gpuTelemetryJsonl() {
        String stem = stem();
        return stem == null ? "gpu_telemetry_export.jsonl" : stem + "_gpu_telemetry.jsonl";
    }

    /** {@code outputs.json} ({@code --export-outputs-json}), or {@code X_outputs.json} with a prefix. */
    public String outputsJson() {
        String stem = stem();
        return stem == null ? "outputs.json" : stem + "_outputs.json";
    }

    /** The prefix's stem ({@code X} of {@code X.json}), or null for the original's default names. */
    private String stem() {
        return equals(DEFAULT) ? null : summaryJson.substring(0, summaryJson.length() - ".json".length());
    }

    /** Suffixes a prefix may carry; one is stripped, longest first. */
    private static final List<String> KNOWN_SUFFIXES = List.of("_server_metrics.parquet", "_server_metrics.jsonl",
                    "_server_metrics.json", "_server_metrics.csv", "_gpu_telemetry.jsonl", "_timeslices.csv",
                    "_timeslices.json", "_raw.jsonl", ".parquet", ".jsonl", ".json", ".csv").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /**
     * The names for {@code --profile-export-prefix X}: {@code X.json}, {@code X.csv}, {@code X.jsonl},
     * {@code X_raw.jsonl}, {@code X_timeslices.json}, {@code X_timeslices.csv}. One known suffix
     * ({@code .json}, {@code _raw.jsonl}, ...) is stripped from {@code prefix} first.
     */
    public static ArtifactFiles withPrefix(String prefix) {
        String stem = prefix;
        for (String suffix : KNOWN_SUFFIXES) {
            if (stem.endsWith(suffix) && stem.length() > suffix.length()) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        return new ArtifactFiles(stem + ".json", stem + ".csv", stem + ".jsonl", stem + "_raw.jsonl",
                stem + "_timeslices.json", stem + "_timeslices.csv");
    }
}
