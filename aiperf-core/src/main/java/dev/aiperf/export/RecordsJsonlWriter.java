package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.metrics.HttpReqValues;
import dev.aiperf.metrics.MetricCatalog;
import dev.aiperf.metrics.MetricDefinition;
import dev.aiperf.metrics.MetricsEnvironment;
import dev.aiperf.metrics.RecordValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends {@code profile_export.jsonl} (metrics spec §5.4): one compact JSON line per profiling
 * request, in the order the requests complete. Values are in display units; integers that need no
 * conversion stay integers. Failed requests are written with their {@code error}, cancelled ones
 * with {@code was_cancelled} and what they had received; with {@code --export-http-trace} each line
 * carries its request's {@code trace_data} (§5.4.1). If no line was written, {@link #close()} deletes the file.
 *
 * <p>The file only ever holds whole lines ({@link WholeLineFile}): lines are batched in memory and
 * each write to the file ends on a line boundary; a failed write is cut back to the last whole line.
 *
 * <p>Two ways to use it: {@link #write} formats, appends and flushes one record (each line is on disk
 * when it returns); the records pipeline instead formats lines on its worker threads with {@link #line}
 * and appends them from one thread with {@link #append}, flushing with {@link #flush} whenever it runs
 * out of work and at least every ~100 ms, so a busy run does not pay one system call per request.
 *
 * <p>Thread-safe: {@link #line} may run on several threads at once; the other methods are synchronised.
 */
public final class RecordsJsonlWriter implements RecordLineSink {
    /** Export levels at which the per-request file is written. */
    public static final Set<String> EXPORT_LEVELS = Set.of("records", "raw");
    /** The record processor id written to every line: this JVM runs one. */
    public static final String RECORD_PROCESSOR_ID = "record_processor_0";

    private final MetricsEnvironment environment;
    private final String recordProcessorId;
    private final RecordLinesFile out;
    /** With --export-http-trace, how trace_data's headers are redacted; null writes no trace_data. */
    private final Redaction traceRedaction;
    /** How each metric tag is written, worked out once per tag (unit conversion factors are not free). */
    private final Map<String, Column> columns = new ConcurrentHashMap<>();
    /** The column of each http_req_* slot, for values a {@link RecordValues} keeps as primitives. */
    private final Column[] httpColumns;

    /**
     * How one metric's value goes into a line, worked out once per tag: the bytes before the value
     * ({@code "tag":{"value":}), the bytes after it ({@code ,"unit":"ms"}}, or {@code }} for a metric outside the
     * catalog, which has no unit), the bytes of a null value ({@code "tag":{"unit":"ms"}}: no {@code value}, as a
     * JSON object leaves out nulls) and the factor to its display unit.
     */
    private record Column(boolean written, byte[] before, byte[] after, byte[] withoutValue, double factor,
                          boolean converted) {
        static final Column SKIPPED = new Column(false, null, null, null, 1.0, false);
    }

    private static final byte[] LINE_START = Utf8Line.ascii("{\"metadata\":");
    private static final byte[] METRICS = Utf8Line.ascii(",\"metrics\":");
    private static final byte[] TRACE_DATA = Utf8Line.ascii(",\"trace_data\":");
    private static final byte[] ERROR = Utf8Line.ascii(",\"error\":");

    /** Creates (or truncates) the file, creating its directory. */
    public RecordsJsonlWriter(Path file, MetricsEnvironment environment, String recordProcessorId) throws IOException {
        this(file, environment, recordProcessorId, null);
    }

    /**
     * @param traceRedaction non-null to add each request's {@code trace_data} ({@code --export-http-trace}),
     *                       its headers redacted by it
     */
    public RecordsJsonlWriter(Path file, MetricsEnvironment environment, String recordProcessorId,
                              Redaction traceRedaction) throws IOException {
        this.traceRedaction = traceRedaction;
        this.environment = environment;
        this.recordProcessorId = recordProcessorId;
        this.out = new RecordLinesFile(file, "records file");
        this.httpColumns = HttpReqValues.TAGS.stream().map(this::column).toArray(Column[]::new);
    }

    /** The writer for a run, or empty when its export level does not include per-request records. */
    public static Optional<RecordsJsonlWriter> forRun(BenchmarkConfig config) throws IOException {
        return forRun(config, Redaction.of(config));
    }

    /** The same, redacting {@code trace_data}'s headers with {@code redaction} under --export-http-trace. */
    public static Optional<RecordsJsonlWriter> forRun(BenchmarkConfig config, Redaction redaction) throws IOException {
        if (!EXPORT_LEVELS.contains(config.output().exportLevel())) {
            return Optional.empty();
        }
        Path path = config.output().artifactDir().resolve(ArtifactFiles.of(config.output()).recordsJsonl());
        return Optional.of(new RecordsJsonlWriter(path, MetricsEnvironment.fromSystem(), RECORD_PROCESSOR_ID,
                config.output().exportHttpTrace() ? redaction : null));
    }

    public Path file() {
        return out.file();
    }

    /**
     * Appends the record's line and flushes it. Warm-up records, and successful records without a
     * single exportable metric, are skipped.
     *
     * @param workerId the worker that sent the request, or null
     */
    public synchronized void write(MetricRecord record, String workerId) throws IOException {
        byte[] line = lineBytes(record, workerId);
        if (line != null) {
            append(line);
            flush();
        }
    }

    /**
     * The record's line without its newline, as text, or null when the record is not written (see
     * {@link #lineBytes}). Safe from any thread.
     */
    public String line(MetricRecord record, String workerId) {
        byte[] line = lineBytes(record, workerId);
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    /**
     * The record's line without its newline, as the UTF-8 bytes the file gets, or null when the record is not
     * written: a warm-up record, or a successful one without a single exportable metric. Safe from any thread.
     *
     * @param workerId the worker that sent the request, or null
     */
    public byte[] lineBytes(MetricRecord record, String workerId) {
        Utf8Line out = Utf8Line.take();
        return write(out, record, workerId) ? out.toBytes() : null;
    }

    /** Writes the record's line into {@code out}; false (what was written is not a line) when it has none. */
    private boolean write(Utf8Line out, MetricRecord record, String workerId) {
        RequestRecord request = record.record().request();
        RequestInfo info = request.requestInfo();
        if (info != null && info.phase() == CreditPhase.WARMUP) {
            return false;
        }
        out.append(LINE_START);
        RecordMetadataJson.write(out, request, workerId, recordProcessorId);
        out.append(METRICS);
        boolean written = record.values() instanceof RecordValues values ? metrics(out, values) : metrics(out, record.values());
        if (!written && !request.hasError()) {
            return false;
        }
        if (traceRedaction != null && request.trace() != null) {
            out.append(TRACE_DATA);
            TraceDataJson.write(out, request, traceRedaction);
        }
        if (request.hasError()) {
            out.append(ERROR);
            JsonText.write(out, MetricsJsonExporter.errorDetails(request.error()));
        }
        out.append((byte) '}');
        return true;
    }

    /**
     * Adds to {@code into} what {@code report.html} reads back from the line {@link #line} made of {@code record}
     * ({@code RunArtifacts.readRequests}): the line's start and end, its TTFT, ITL, latency and output length as the
     * numbers the line holds (display units, the same doubles parsing their text gives), and whether it has an
     * {@code error}. Call it for the lines appended, in their order. A value the file would not read back as the
     * same number (not finite: {@code NaN} is no JSON number; or of an unusual type) discards the columns, so the
     * report reads the file instead.
     */
    public void sample(MetricRecord record, RequestSampleSink into) {
        RequestRecord request = record.record().request();
        Long end = RecordMetadataJson.endPerfNs(request);
        Map<String, Object> values = record.values();
        double ttft = displayValue("time_to_first_token", values, into);
        double itl = displayValue("inter_token_latency", values, into);
        double latency = displayValue("request_latency", values, into);
        double tokens = displayValue("output_sequence_length", values, into);
        into.add(request.timestampNs(), end == null ? request.timestampNs() : RecordMetadataJson.wall(request, end),
                ttft, itl, latency, tokens, request.hasError());
    }

    /** A metric's {@code value} as its line holds it, NaN when the line has none or it is not a number. */
    private double displayValue(String tag, Map<String, Object> values, RequestSampleSink into) {
        Object value = values.get(tag);
        if (value == null) {
            return Double.NaN;
        }
        Column column = columns.computeIfAbsent(tag, this::column);
        if (!column.written() || !(value instanceof Number number)) {
            return Double.NaN; // not in the line, or a list, text or object: no number to read
        }
        if (!(value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer)) {
            into.discard(); // e.g. a BigDecimal: its text may parse to another double than doubleValue()
            return Double.NaN;
        }
        double display = column.converted() ? number.doubleValue() * column.factor() : number.doubleValue();
        if (!Double.isFinite(display)) {
            into.discard(); // written as NaN or Infinity, which the reader does not take as JSON
        }
        return display;
    }

    /** Appends a line from {@link #lineBytes}; it reaches the file at the next {@link #flush} or {@link #close}. */
    @Override
    public void append(byte[] line) throws IOException {
        out.append(line);
    }

    /** Appends a line from {@link #line}, as {@link #append(byte[])}. */
    public void append(String line) throws IOException {
        out.append(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands every appended line to the operating system. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    public long linesWritten() {
        return out.linesWritten();
    }

    /** Flushes and closes; a file without a line is deleted. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Writes the {@code metrics} object of the values {@link dev.aiperf.metrics.MetricRecordProcessor} makes;
     * false when it is empty. The hot part of the line: what is rare (a null, a value that is neither a
     * {@code Long} nor a {@code Double} nor a list) is left to methods of its own, so this stays small to compile.
     */
    private boolean metrics(Utf8Line out, RecordValues values) {
        out.append((byte) '{');
        boolean empty = true;
        int httpPosition = values.httpPosition();
        int i = 0;
        for (Map.Entry<String, Object> entry : values.general().entrySet()) {
            if (i++ == httpPosition) {
                empty = httpFields(out, values, empty);
            }
            empty = member(out, entry.getKey(), entry.getValue(), empty);
        }
        if (i == httpPosition) {
            empty = httpFields(out, values, empty);
        }
        out.append((byte) '}');
        return !empty;
    }

    /** The same for any other map of values (a plugin's record processors merged, tests). */
    private boolean metrics(Utf8Line out, Map<String, Object> values) {
        out.append((byte) '{');
        boolean empty = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            empty = member(out, entry.getKey(), entry.getValue(), empty);
        }
        out.append((byte) '}');
        return !empty;
    }

    /** One metric's member, when its column is written; false when the object is still empty after it. */
    private boolean member(Utf8Line out, String tag, Object value, boolean empty) {
        Column column = columnOf(tag);
        if (!column.written()) {
            return empty;
        }
        if (!empty) {
            out.append((byte) ',');
        }
        if (value == null) {
            out.append(column.withoutValue());
            return false;
        }
        out.append(column.before());
        if (value instanceof double[] list) {
            writeScaled(out, list, column.factor());
        } else if (!column.converted()) {
            JsonText.write(out, value);
        } else if (value instanceof Long l) {
            PythonNumbers.appendRepr(out, l * column.factor());
        } else if (value instanceof Double d) {
            PythonNumbers.appendRepr(out, d * column.factor());
        } else {
            writeConvertedOther(out, value, column.factor());
        }
        out.append(column.after());
        return false;
    }

    /** A converted value of another type: any number (a plugin's), else a list as {@link JsonText} writes it. */
    private static void writeConvertedOther(Utf8Line out, Object value, double factor) {
        PythonNumbers.appendRepr(out, ((Number) value).doubleValue() * factor);
    }

    /** The http_req_* members, written as their boxed values would be; false when the object is still empty. */
    private boolean httpFields(Utf8Line out, RecordValues values, boolean empty) {
        for (int present = values.httpPresent(); present != 0; present &= present - 1) {
            int slot = Integer.numberOfTrailingZeros(present);
            Column column = httpColumns[slot];
            if (!column.written()) {
                continue;
            }
            if (!empty) {
                out.append((byte) ',');
            }
            empty = false;
            long value = values.http(slot);
            out.append(column.before());
            if (column.converted()) {
                PythonNumbers.appendRepr(out, value * column.factor());
            } else {
                out.append(value);
            }
            out.append(column.after());
        }
        return empty;
    }

    /** A plain lookup first: {@code computeIfAbsent(tag, this::column)} made a method reference per metric per record. */
    private Column columnOf(String tag) {
        Column column = columns.get(tag);
        return column != null ? column : columns.computeIfAbsent(tag, this::column);
    }

    private Column column(String tag) {
        StringBuilder quoted = new StringBuilder();
        JsonText.quote(quoted, tag);
        String name = quoted.append(":{").toString();
        Optional<MetricDefinition> found = MetricCatalog.definition(tag);
        if (found.isEmpty()) {
            return new Column(true, utf8(name + "\"value\":"), utf8("}"), utf8(name + "}"), 1.0, false);
        }
        MetricDefinition definition = found.get();
        if (definition.hasFlag(MetricFlag.NO_INDIVIDUAL_RECORDS) || !environment.shows(definition)) {
            return Column.SKIPPED;
        }
        StringBuilder unitText = new StringBuilder();
        if (definition.displayUnit() != null) {
            unitText.append("\"unit\":");
            JsonText.quote(unitText, definition.displayUnit());
        }
        String unit = unitText.toString();
        boolean converted = definition.isConverted();
        return new Column(true, utf8(name + "\"value\":"), utf8((unit.isEmpty() ? "" : "," + unit) + "}"),
                utf8(name + unit + "}"), converted ? definition.displayFactor() : 1.0, converted);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A list metric in its display unit, as {@link JsonText} writes a {@code double[]}, without a converted copy. */
    private static void writeScaled(Utf8Line out, double[] list, double factor) {
        out.append((byte) '[');
        for (int i = 0; i < list.length; i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            PythonNumbers.appendRepr(out, list[i] * factor);
        }
        out.append((byte) ']');
    }
}
