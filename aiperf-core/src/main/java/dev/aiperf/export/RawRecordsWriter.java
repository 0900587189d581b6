package dev.aiperf.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestDetail;
import dev.aiperf.api.model.RequestRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Appends {@code profile_export_raw.jsonl} at export level {@code raw} (metrics spec §5.5): one compact line
 * per request, warm-up ones included, failed ones too: {@code metadata} (as in {@code profile_export.jsonl}),
 * {@code start_perf_ns}, the {@code payload} exactly as sent, the {@code request_headers}, the {@code status}
 * and every raw response as it arrived ({@code {perf_ns, packets:[{name, value}]}} for an SSE event,
 * {@code {perf_ns, text, content_type}} for a body), then the {@code error}. Credentials never reach it: secret
 * headers are replaced by {@code <redacted>}, and any copy of a known secret in the payload or the responses
 * too ({@link Redaction}).
 *
 * <p>Lines are written as records complete, whole lines only ({@link WholeLineFile}); the original writes one
 * file per record processor and concatenates them at the end, this JVM has one writer. SSE events keep their
 * {@code data}; the transport does not keep other SSE fields, so each event is one {@code data} packet.
 *
 * <p>{@link #line} may run on several threads at once; the other methods are synchronised.
 */
public final class RawRecordsWriter implements RecordLineSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redaction redaction;
    private final String recordProcessorId;
    private final RecordLinesFile out;

    public RawRecordsWriter(Path file, Redaction redaction, String recordProcessorId) throws IOException {
        this.redaction = redaction;
        this.recordProcessorId = recordProcessorId;
        this.out = new RecordLinesFile(file, "raw records file");
    }

    /** The writer for a run at export level {@code raw}, else empty. */
    public static Optional<RawRecordsWriter> forRun(BenchmarkConfig config, Redaction redaction) throws IOException {
        if (!"raw".equals(config.output().exportLevel())) {
            return Optional.empty();
        }
        return Optional.of(new RawRecordsWriter(config.output().artifactDir().resolve(
                ArtifactFiles.of(config.output()).rawRecordsJsonl()), redaction, RecordsJsonlWriter.RECORD_PROCESSOR_ID));
    }

    public Path file() {
        return out.file();
    }

    /** The record's line, without its newline. Safe from any thread. */
    public String line(RequestRecord request, String workerId) {
        StringBuilder line = LineBuffer.take();
        CompactJsonObject json = new CompactJsonObject(line);
        RecordMetadataJson.write(json.member("metadata"), request, workerId, recordProcessorId);
        json.field("start_perf_ns", request.startPerfNs());
        RequestDetail detail = request.detail();
        if (detail != null) {
            payload(json, detail.body());
            json.field("request_headers", headers(detail.headers()));
        }
        if (request.status() != 0) {
            json.field("status", request.status());
        }
        if (!request.responses().isEmpty()) {
            StringBuilder out = json.member("responses").append('[');
            boolean first = true;
            for (InferenceResponse response : request.responses()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                response(out, response, detail == null ? null : detail.responseContentType());
            }
            out.append(']');
        }
        if (request.hasError()) {
            json.field("error", MetricsJsonExporter.errorDetails(request.error()));
        }
        json.end();
        return LineBuffer.release(line);
    }

    /** Appends a line from {@link #line}; it reaches the file at the next {@link #flush} or {@link #close}. */
    @Override
    public void append(byte[] line) throws IOException {
        out.append(line);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    public long linesWritten() {
        return out.linesWritten();
    }

    /** Flushes and closes; a file without a line is deleted, as the original leaves none. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The body as JSON, verbatim when it is one compact JSON text, else as a string. */
    private void payload(CompactJsonObject json, byte[] body) {
        String text = redaction.text(new String(body, StandardCharsets.UTF_8));
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && isJson(text)) {
            json.member("payload").append(text);
        } else {
            json.field("payload", text);
        }
    }

    private static boolean isJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && (node.isObject() || node.isArray());
        } catch (IOException e) {
            return false;
        }
    }

    private Map<String, Object> headers(Map<String, String> headers) {
        Map<String, Object> json = new LinkedHashMap<>();
        headers.forEach((name, value) -> json.put(name, redaction.headerValue(name, value)));
        return json;
    }

    private void response(StringBuilder out, InferenceResponse response, String contentType) {
        CompactJsonObject json = new CompactJsonObject(out);
        json.field("perf_ns", response.perfNs());
        String text = redaction.text(response.text());
        if (response.kind() == InferenceResponse.Kind.SSE) {
            StringBuilder packets = json.member("packets").append('[');
            CompactJsonObject packet = new CompactJsonObject(packets);
            packet.field("name", "data");
            packet.field("value", text == null ? "" : text);
            packet.end();
            packets.append(']');
        } else {
            json.field("text", text == null ? "" : text);
            json.field("content_type", contentType);
        }
        json.end();
    }
}
