package dev.aiperf.artifacts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.export.ArtifactFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        return withSummary(dir, summary, ArtifactFiles.DEFAULT);
    }

    /** The same for a run whose files carry other names ({@code --profile-export-prefix}). */
    public static RunArtifacts withSummary(Path dir, JsonNode summary, ArtifactFiles files) throws IOException {
        return withSummary(dir, summary, files, readRequests(dir.resolve(files.recordsJsonl())));
    }

    /**
     * The same with the profiling requests given, as {@link #readRequests} would read them from the records file:
     * the run in this process kept them while it wrote the file.
     */
    public static RunArtifacts withSummary(Path dir, JsonNode summary, ArtifactFiles files,
                                           List<RequestSample> requests) throws IOException {
        return new RunArtifacts(dir, summary, requests, readOptional(dir.resolve(PLUGINS_USED_JSON)),
                readOptional(dir.resolve(files.serverMetrics("json"))));
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

    /**
     * The profiling requests of a records file; none when the file is absent. A torn last line is skipped.
     *
     * <p>Each line is read by a streaming parser that keeps the few fields a sample needs and skips the rest
     * without building it: a line is mostly {@code inter_chunk_latency} and {@code http_req_*} values, and
     * building a tree of every line made reading a run's records cost as much per request as a share of the
     * run itself.
     */
    static List<RequestSample> readRequests(Path file) throws IOException {
        List<RequestSample> samples = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return samples;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int start = 0; // the current line's first byte
            int scanned = 0; // where the search for its end goes on
            int filled = 0;
            boolean eof = false;
            int number = 0;
            IOException unreadable = null;
            while (true) {
                int end = indexOf(buffer, scanned, filled, (byte) '\n');
                if (end < 0 && !eof) {
                    System.arraycopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    start = 0;
                    scanned = filled;
                    if (filled == buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                    }
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) {
                        eof = true;
                    } else {
                        filled += read;
                    }
                    continue;
                }
                if (end < 0 && start == filled) {
                    break;
                }
                int lineEnd = end < 0 ? filled : end;
                number++;
                int length = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 - start : lineEnd - start;
                if (!isBlank(buffer, start, length)) {
                    if (unreadable != null) {
                        throw unreadable; // a bad line with more after it: not the torn end of an interrupted write
                    }
                    try (JsonParser parser = JSON.getFactory().createParser(buffer, start, length)) {
                        RequestSample sample = sample(parser);
                        if (sample != null) {
                            samples.add(sample);
                        }
                    } catch (IOException e) {
                        unreadable = new IOException(file + " line " + number + " is not JSON: " + e.getMessage(), e);
                    }
                }
                start = end < 0 ? filled : end + 1;
                scanned = start;
            }
        }
        return samples;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** As {@code String.isBlank} for the ASCII white space a line can hold. */
    private static boolean isBlank(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1C && b != 0x1D
                    && b != 0x1E && b != 0x1F) {
                return false;
            }
        }
        return true;
    }

    /** One line's sample: a profiling request with a start, or null. The whole first value is read (a torn line fails). */
    private static RequestSample sample(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String phase = "profiling";
        Long start = null;
        Long end = null;
        Double ttft = null;
        Double itl = null;
        Double latency = null;
        Double outputTokens = null;
        boolean failed = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "metadata" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        break;
                    }
                    phase = "profiling";
                    start = null;
                    end = null;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken token = parser.nextToken();
                        switch (name) {
                            case "benchmark_phase" -> phase = token.isScalarValue() && token != JsonToken.VALUE_NULL
                                    ? parser.getText() : "profiling";
                            case "request_start_ns" -> start = longValue(parser, token);
                            case "request_end_ns" -> end = longValue(parser, token);
                            default -> parser.skipChildren();
                        }
                    }
                }
                case "metrics" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        break;
                    }
                    ttft = itl = latency = outputTokens = null;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String tag = parser.currentName();
                        parser.nextToken();
                        switch (tag) {
                            case "time_to_first_token" -> ttft = value(parser);
                            case "inter_token_latency" -> itl = value(parser);
                            case "request_latency" -> latency = value(parser);
                            case "output_sequence_length" -> outputTokens = value(parser);
                            default -> parser.skipChildren();
                        }
                    }
                }
                case "error" -> {
                    failed = value != JsonToken.VALUE_NULL;
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
        if (!"profiling".equals(phase) || start == null) {
            return null;
        }
        return new RequestSample(start, end == null ? start : end, ttft, itl, latency, outputTokens, failed);
    }

    /** A number as {@code JsonNode.asLong} reads it (a fraction truncated), or null when it is none. */
    private static Long longValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        return token == JsonToken.VALUE_NUMBER_FLOAT ? (long) parser.getDoubleValue() : null;
    }

    /** A metric's {@code value} when it is a number; the parser is on the metric's value, left at its end. */
    private static Double value(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        Double number = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isValue = "value".equals(parser.currentName());
            JsonToken token = parser.nextToken();
            if (isValue) {
                number = token.isNumeric() ? parser.getDoubleValue() : null;
            }
            parser.skipChildren();
        }
        return number;
    }
}
