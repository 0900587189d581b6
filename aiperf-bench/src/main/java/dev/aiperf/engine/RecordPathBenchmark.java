package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.HttpTrace;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestDetail;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.endpoint.ChatEndpoint;
import dev.aiperf.export.RecordsJsonlWriter;
import dev.aiperf.metrics.MetricRecordProcessor;
import dev.aiperf.metrics.MetricResultsProcessor;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.records.InferenceResultParser;
import dev.aiperf.testkit.PluginContexts;
import dev.aiperf.tokenizer.Tokenizers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The per-record path of a streaming chat run, after its response completed: what one records worker does
 * for each record (parse the 64 SSE chunks, count input and output tokens with cl100k_base, compute every
 * metric, format the {@code profile_export.jsonl} line) and what the committer does (append the line, flushed
 * every 64 records, fold the record into the run's statistics, the live view and the client-health figures).
 * One invocation is one record; records rotate over a fixed set so the caches see a realistic mix.
 *
 * <pre>
 * java -jar aiperf-bench/target/benchmarks.jar RecordPathBenchmark -prof gc
 * </pre>
 * {@code trace=false} is a record without an HTTP trace ({@code AIPERF_HTTP_TRACE=false}: no {@code http_req_*}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RecordPathBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RECORDS = 512;
    private static final int PROMPTS = 100;
    private static final int CHUNKS = 64;
    /** A default trace keeps no per-chunk stamps (only --export-http-trace does). */
    private static final long[] NO_TIMES = new long[0];
    private static final int[] NO_SIZES = new int[0];
    private static final String[] WORDS = ("Shall I compare thee to a summer's day? Thou art more lovely and more "
            + "temperate: Rough winds do shake the darling buds of May, And summer's lease hath all too short a date; "
            + "Sometime too hot the eye of heaven shines, And often is his gold complexion dimm'd; And every fair from "
            + "fair sometime declines, By chance or nature's changing course untrimm'd").split(" ");

    @Param({"true", "false"})
    public boolean trace;

    // package-private: RecordPathSteps times the same steps one at a time
    RequestRecord[] records;
    InferenceResultParser parser;
    MetricRecordProcessor metrics;
    RecordsJsonlWriter jsonl;
    MetricResultsProcessor results;
    private LiveMetricsTracker live;
    private ClientTimingRecorder clientTiming;
    private Path dir;
    private int next;
    private int unflushed;
    private long iterationCpuStartNs;
    private long iterationRecords;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BenchmarkConfig config = PluginContexts.config("chat", true);
        EndpointMetadata metadata = Plugins.getType(PluginType.ENDPOINT, "chat").metadata(EndpointMetadata.class);
        ChatEndpoint endpoint = new ChatEndpoint(new EndpointContext(config, metadata));
        parser = InferenceResultParser.forRun(config, endpoint, metadata, Tokenizers.forName("cl100k_base"));
        ProcessorContext context = new ProcessorContext(config, metadata);
        metrics = new MetricRecordProcessor(context);
        results = new MetricResultsProcessor(context);
        live = new LiveMetricsTracker();
        clientTiming = new ClientTimingRecorder();
        dir = Files.createTempDirectory("record-path");
        jsonl = RecordsJsonlWriter.forRun(config.withArtifactDir(dir)).orElseThrow();
        SplittableRandom random = new SplittableRandom(1);
        List<Turn> prompts = new ArrayList<>();
        for (int i = 0; i < PROMPTS; i++) {
            prompts.add(Turn.ofText(words(random, 100), 64));
        }
        records = new RequestRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            records[i] = record(i, prompts.get(random.nextInt(PROMPTS)), random);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationCpuStartNs = THREADS.getCurrentThreadCpuTime();
        iterationRecords = 0;
    }

    /**
     * This thread's CPU time per record over the iteration: on a machine shared with other jobs the wall-clock
     * score includes the time the thread waited for a CPU, this does not.
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long cpu = THREADS.getCurrentThreadCpuTime() - iterationCpuStartNs;
        System.out.printf(" [thread CPU %.0f ns/record over %d records]", (double) cpu / iterationRecords,
                iterationRecords);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        jsonl.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public long record() throws IOException {
        iterationRecords++;
        RequestRecord raw = records[next];
        next = (next + 1) % RECORDS;
        // the worker's share
        ParsedResponseRecord parsed = parser.parse(raw);
        MetricRecord values = metrics.processRecord(parsed);
        byte[] line = jsonl.lineBytes(values, RecordWriters.WORKER_ID);
        // the committer's share
        clientTiming.add(parsed);
        live.add(values);
        jsonl.append(line);
        if (++unflushed == 64) {
            jsonl.flush();
            unflushed = 0;
        }
        results.addRecord(values);
        return line.length;
    }

    private RequestRecord record(int credit, Turn prompt, SplittableRandom random) {
        RequestInfo info = new RequestInfo(new Conversation("session_" + credit, List.of(prompt), null, null),
                List.of(prompt), 0, credit, CreditPhase.PROFILING, "req-" + credit, "corr-" + credit, 0);
        long start = 1_000_000_000L + credit * 10_000_000L;
        long arrival = start + 20_000_000L + random.nextInt(1_000_000);
        // stored as the HTTP transport stores a stream: bytes back to back, stamps in arrays (ReceivedResponses)
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        int[] ends = new int[CHUNKS + 1];
        long[] sentNs = new long[CHUNKS + 1];
        long[] chunkNs = new long[CHUNKS + 1];
        int[] chunkBytes = new int[CHUNKS + 1];
        long bytes = 0;
        String head = "{\"id\":\"chatcmpl-" + credit + "\",\"object\":\"chat.completion.chunk\",\"created\":1764770000,"
                + "\"model\":\"mock-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
        for (int i = 0; i <= CHUNKS; i++) {
            String json = i < CHUNKS
                    ? head + (i == 0 ? "" : " ") + WORDS[random.nextInt(WORDS.length)] + "\"},\"finish_reason\":"
                    + (i == CHUNKS - 1 ? "\"length\"" : "null") + "}]}"
                    : "{\"id\":\"chatcmpl-" + credit + "\",\"object\":\"chat.completion.chunk\",\"created\":1764770000,"
                    + "\"model\":\"mock-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":128,\"completion_tokens\":64,"
                    + "\"total_tokens\":192}}";
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            long sent = arrival - 50_000 - random.nextInt(20_000);
            received.writeBytes(utf8);
            ends[i] = received.size();
            sentNs[i] = sent;
            chunkNs[i] = arrival;
            chunkBytes[i] = utf8.length + 8;
            bytes += chunkBytes[i];
            if (i < CHUNKS - 1) {
                arrival += 8_000_000L + random.nextInt(4_000_000);
            }
        }
        List<InferenceResponse> responses = ReceivedResponses.of(InferenceResponse.Kind.SSE, received.toByteArray(),
                ends, chunkNs, sentNs, CHUNKS + 1);
        RequestDetail detail = null;
        if (trace) {
            HttpTrace httpTrace = new HttpTrace("netty-http1", start - 40_000, start - 30_000, 0, 0, 0, 0, 0, 0,
                    start - 30_000, "127.0.0.1", 40_000 + credit % 1000, "127.0.0.1", 8000,
                    start, start + 20_000, start + 20_000, NO_TIMES, NO_SIZES, 1, 900,
                    200, "OK", null, chunkNs[0] - 10_000, chunkNs[0], arrival, NO_TIMES, NO_SIZES, CHUNKS + 1, bytes, 0);
            detail = new RequestDetail(new byte[900], Map.of("Content-Type", "application/json"), "text/event-stream",
                    httpTrace);
        }
        return new RequestRecord(info, "mock-model", 1_764_770_000_000_000_000L + start, start - 40_000, start,
                chunkNs[0] - 10_000, arrival, 200, responses, null, null, start - 40_000, detail);
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
