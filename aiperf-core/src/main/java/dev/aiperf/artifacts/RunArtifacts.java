package dev.aiperf.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.export.ArtifactFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run read back from its artifact directory: the summary ({@code profile_export_aiperf.json}),
 * the profiling requests ({@code profile_export.jsonl}, empty with {@code --export-level summary}),
 * {@code plugins_used.json} and {@code server_metrics_export.json} when they are there.
 *
 * @param dir           the artifact directory
 * @param summary       the summary JSON
 * @param requests      the profiling requests in file order (completion order)
 * @param pluginsUsed   {@code plugins_used.json}, or null when absent
 * @param serverMetrics {@code server_metrics_export.json}, or null when absent
 */
public record RunArtifacts(Path dir, JsonNode summary, List<RequestSample> requests, JsonNode pluginsUsed,
                           JsonNode serverMetrics) {
    public static final String PLUGINS_USED_JSON = "plugins_used.json";
    public static final String SERVER_METRICS_JSON = "server_metrics_export.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public RunArtifacts {
        requests = List.copyOf(requests);
    }

    /** Whether {@code dir} holds a run's summary. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve(ArtifactFiles.DEFAULT.summaryJson()));
    }

    /** Reads every file of the run in {@code dir}. */
    public static RunArtifacts read(Path dir) throws IOException {
        Path summaryFile = dir.resolve(ArtifactFiles.DEFAULT.summaryJson());
        if (!Files.isRegularFile(summaryFile)) {
            throw new IllegalArgumentException(dir + " is not a run directory: it has no "
                    + ArtifactFiles.DEFAULT.summaryJson());
        }
        return withSummary(dir, readJson(summaryFile));
    }

    /** Reads every run, in the order given, into a list the caller may reorder. */
    public static List<RunArtifacts> readAll(List<Path> dirs) throws IOException {
        List<RunArtifacts> runs = new ArrayList<>(dirs.size());
        for (Path dir : dirs) {
            runs.add(read(dir));
        }
        return runs;
    }

    /**
     * The run in {@code dir} with a summary given in memory: a run's own report is written before (or
     * without) the summary file, from the same document the summary file gets.
     */
    public static RunArtifacts withSummary(Path dir, JsonNode summary) throws IOException {
        return new RunArtifacts(dir, summary, readRequests(dir.resolve(ArtifactFiles.DEFAULT.recordsJsonl())),
                readOptional(dir.resolve(PLUGINS_USED_JSON)), readOptional(dir.resolve(SERVER_METRICS_JSON)));
    }

    /**
     * The run's name: its directory's name, or for a repeat of a study ({@code c8/profile_runs/run_0002},
     * {@code profile_runs/trial_0001/c8}) its configuration's name and the repeat ({@code c8 run_0002}).
     */
    public String label() {
        return RunCells.label(dir);
    }

    /** A statistic of a summary metric ({@code time_to_first_token}, {@code p50}), or null when absent. */
    public Double stat(String tag, String statistic) {
        JsonNode value = summary.path(tag).path(statistic);
        return value.isNumber() ? value.doubleValue() : null;
    }

    /** {@code input_config.loadgen.<field>} as a number, or null (concurrency, request_rate, ...). */
    public Double loadSetting(String field) {
        JsonNode value = summary.path("input_config").path("loadgen").path(field);
        return value.isNumber() ? value.doubleValue() : null;
    }

    /** The earliest request start, epoch ns: time zero of the run's time axes (0 without requests). */
    public long startNs() {
        return requests.stream().mapToLong(RequestSample::startNs).min().orElse(0);
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readOptional(Path file) throws IOException {
        return Files.isRegularFile(file) ? readJson(file) : null;
    }

    /** The profiling requests of a records file; none when the file is absent. A torn last line is skipped. */
    static List<RequestSample> readRequests(Path file) throws IOException {
        List<RequestSample> samples = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return samples;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            IOException unreadable = null;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (unreadable != null) {
                    throw unreadable; // a bad line with more after it: not the torn end of an interrupted write
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (IOException e) {
                    unreadable = new IOException(file + " line " + number + " is not JSON: " + e.getMessage(), e);
                    continue;
                }
                RequestSample sample = sample(record);
                if (sample != null) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    private static RequestSample sample(JsonNode record) {
        JsonNode metadata = record.path("metadata");
        String phase = metadata.path("benchmark_phase").asText("profiling");
        if (!"profiling".equals(phase) || !metadata.path("request_start_ns").isNumber()) {
            return null;
        }
        long start = metadata.path("request_start_ns").asLong();
        long end = metadata.path("request_end_ns").isNumber() ? metadata.path("request_end_ns").asLong() : start;
        JsonNode metrics = record.path("metrics");
        boolean failed = record.hasNonNull("error");
        return new RequestSample(start, end, value(metrics, "time_to_first_token"), value(metrics, "inter_token_latency"),
                value(metrics, "request_latency"), value(metrics, "output_sequence_length"), failed);
    }

    private static Double value(JsonNode metrics, String tag) {
        JsonNode value = metrics.path(tag).path("value");
        return value.isNumber() ? value.doubleValue() : null;
    }
}
