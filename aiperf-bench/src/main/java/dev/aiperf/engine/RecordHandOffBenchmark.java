package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.endpoint.ChatEndpoint;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The records pipeline's own hand-off, without the per-record work: {@link RecordPipeline#submit} from this thread
 * (standing in for an event loop), one worker preparing and committing. Every record is an error record (the parser
 * does not parse it) measured by a processor that returns one fixed result, with no writer: what is left is the
 * pipeline's queueing and bookkeeping and the committer's error summary. One operation is one record; use
 * {@code -prof gc} for the bytes per record (time per record includes the worker's 1 ms parks between batches).
 *
 * <pre>
 * java -jar aiperf-bench/target/benchmarks.jar RecordHandOffBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RecordHandOffBenchmark {
    private static final int BATCH = 1_000;

    private RecordPipeline pipeline;
    private RequestRecord failed;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkConfig config = PluginContexts.config("chat", true);
        EndpointMetadata metadata = Plugins.getType(PluginType.ENDPOINT, "chat").metadata(EndpointMetadata.class);
        InferenceResultParser parser = InferenceResultParser.forRun(config,
                new ChatEndpoint(new EndpointContext(config, metadata)), metadata, Tokenizers.forName("cl100k_base"));
        pipeline = new RecordPipeline(parser, List.of(parsed -> new MetricRecord(parsed, Map.of())), List.of(),
                List.of(), List.of(), new PrintStream(new ByteArrayOutputStream()), 1);
        Turn prompt = Turn.ofText("hello", 8);
        RequestInfo info = new RequestInfo(new Conversation("s", List.of(prompt), null, null), List.of(prompt), 0, 0,
                CreditPhase.PROFILING, "req", "corr", 0);
        failed = new RequestRecord(info, "m", 0, 0, 0, null, 1L, 500, List.of(),
                new ErrorDetails(500, "Internal Server Error", "boom"), null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.finish();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batch() {
        for (int i = 0; i < BATCH; i++) {
            pipeline.submit(failed);
        }
        pipeline.awaitCommitted(10_000);
        return pipeline.errors().total();
    }
}
