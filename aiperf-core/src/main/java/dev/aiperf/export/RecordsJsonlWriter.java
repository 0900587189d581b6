package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.metrics.MetricCatalog;
import dev.aiperf.metrics.MetricDefinition;
import dev.aiperf.metrics.MetricsEnvironment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appends {@code profile_export.jsonl} (metrics spec §5.4): one compact JSON line per profiling
 * request, written and flushed as the request completes so an interrupted run keeps every line
 * measured so far. Values are in display units; integers that need no conversion stay integers.
 * Failed requests are written with their {@code error}. If no line was written, {@link #close()}
 * deletes the file.
 *
 * <p>Thread-safe: {@link #write} is synchronised.
 */
public final class RecordsJsonlWriter implements AutoCloseable {
    /** Export levels at which the per-request file is written. */
    public static final Set<String> EXPORT_LEVELS = Set.of("records", "raw");
    /** The record processor id written to every line: this JVM runs one. */
    public static final String RECORD_PROCESSOR_ID = "record_processor_0";

    private final Path file;
    private final MetricsEnvironment environment;
    private final String recordProcessorId;
    private final BufferedWriter writer;
    private long lines;
    private boolean closed;

    /** Creates (or truncates) the file, creating its directory. */
    public RecordsJsonlWriter(Path file, MetricsEnvironment environment, String recordProcessorId) throws IOException {
        this.file = file;
        this.environment = environment;
        this.recordProcessorId = recordProcessorId;
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** The writer for a run, or empty when its export level does not include per-request records. */
    public static Optional<RecordsJsonlWriter> forRun(BenchmarkConfig config) throws IOException {
        if (!EXPORT_LEVELS.contains(config.output().exportLevel())) {
            return Optional.empty();
        }
        Path path = config.output().artifactDir().resolve(ArtifactFiles.DEFAULT.recordsJsonl());
        return Optional.of(new RecordsJsonlWriter(path, MetricsEnvironment.fromSystem(), RECORD_PROCESSOR_ID));
    }

    public Path file() {
        return file;
    }

    /**
     * Appends the record's line and flushes it. Warm-up records, and successful records without a
     * single exportable metric, are skipped.
     *
     * @param workerId the worker that sent the request, or null
     */
    public synchronized void write(MetricRecord record, String workerId) throws IOException {
        if (closed) {
            throw new IOException("records file " + file + " is already closed");
        }
        RequestRecord request = record.record().request();
        RequestInfo info = request.requestInfo();
        if (info != null && info.phase() == CreditPhase.WARMUP) {
            return;
        }
        Map<String, Object> metrics = metrics(record);
        if (metrics.isEmpty() && !request.hasError()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("metadata", metadata(request, workerId));
        line.put("metrics", metrics);
        line.put("error", request.hasError() ? MetricsJsonExporter.errorDetails(request.error()) : null);
        writer.write(JsonText.compact(line));
        writer.write('\n');
        writer.flush();
        lines++;
    }

    public synchronized long linesWritten() {
        return lines;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        if (lines == 0) {
            Files.deleteIfExists(file);
        }
    }

    private Map<String, Object> metrics(MetricRecord record) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : record.values().entrySet()) {
            Optional<MetricDefinition> found = MetricCatalog.definition(entry.getKey());
            if (found.isEmpty()) {
                metrics.put(entry.getKey(), Map.of("value", entry.getValue()));
                continue;
            }
            MetricDefinition definition = found.get();
            if (definition.hasFlag(MetricFlag.NO_INDIVIDUAL_RECORDS) || !environment.shows(definition)) {
                continue;
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", toDisplayUnit(entry.getValue(), definition));
            value.put("unit", definition.displayUnit());
            metrics.put(entry.getKey(), value);
        }
        return metrics;
    }

    private static Object toDisplayUnit(Object value, MetricDefinition definition) {
        if (!definition.isConverted()) {
            return value;
        }
        double factor = definition.displayFactor();
        if (value instanceof double[] list) {
            double[] converted = new double[list.length];
            for (int i = 0; i < list.length; i++) {
                converted[i] = list[i] * factor;
            }
            return converted;
        }
        return ((Number) value).doubleValue() * factor;
    }

    private Map<String, Object> metadata(RequestRecord request, String workerId) {
        RequestInfo info = request.requestInfo();
        Map<String, Object> json = new LinkedHashMap<>();
        if (info != null) {
            json.put("session_num", info.creditNum());
            json.put("x_request_id", info.xRequestId());
            json.put("x_correlation_id", info.xCorrelationId());
            json.put("conversation_id", info.conversation() == null ? null : info.conversation().sessionId());
            json.put("turn_index", info.turnIndex());
        }
        json.put("credit_issued_ns", request.intendedSendPerfNs() > 0 ? wall(request, request.intendedSendPerfNs()) : null);
        json.put("request_start_ns", request.timestampNs());
        json.put("request_ack_ns", request.recvStartPerfNs() == null ? null : wall(request, request.recvStartPerfNs()));
        json.put("request_end_ns", endPerfNs(request) == null ? null : wall(request, endPerfNs(request)));
        json.put("worker_id", workerId);
        json.put("record_processor_id", recordProcessorId);
        json.put("benchmark_phase", info == null ? CreditPhase.PROFILING.wireName() : info.phase().wireName());
        json.put("was_cancelled", request.cancellationPerfNs() != null);
        json.put("cancellation_time_ns", request.cancellationPerfNs() == null ? null
                : wall(request, request.cancellationPerfNs()));
        return json;
    }

    /** The last raw response (usage-only and [DONE] included), else the request's end. */
    private static Long endPerfNs(RequestRecord request) {
        var responses = request.responses();
        if (!responses.isEmpty()) {
            InferenceResponse last = responses.getLast();
            return last.perfNs();
        }
        return request.endPerfNs();
    }

    /** A monotonic time as wall time: the request's wall start plus the monotonic offset. */
    private static long wall(RequestRecord request, long perfNs) {
        return request.timestampNs() + (perfNs - request.startPerfNs());
    }
}
