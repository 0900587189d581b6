package dev.aiperf.engine;

import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.endpoint.RoundRobinUrlSelection;
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

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own hand-offs per request, without a network: {@link PhaseRunner} issues single-turn requests at
 * concurrency 64 as fast as slots free (the scheduler thread), and one "I/O" thread completes each request's future
 * as soon as it gets it, as a transport's event loop would, which queues the return for the scheduler. One
 * operation is one request; {@code -prof gc} gives the bytes the engine allocates per request (the I/O stand-in
 * allocates nothing per request: a bounded array queue and one shared record).
 *
 * <pre>
 * java -jar aiperf-bench/target/benchmarks.jar EngineHandOffBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EngineHandOffBenchmark {
    private static final int REQUESTS = 10_000;
    private static final int CONCURRENCY = 64;

    private final BlockingQueue<CompletableFuture<RequestRecord>> toComplete = new ArrayBlockingQueue<>(4 * CONCURRENCY);
    private Thread io;
    private RequestRecord answer;
    private Conversation conversation;

    @Setup(Level.Trial)
    public void start() {
        conversation = new Conversation("c", List.of(new Turn(null, null, null, null, null,
                List.of(new Turn.Text("text", List.of("hello"))), List.of(), List.of(), List.of(), null)), null, null);
        long now = System.nanoTime();
        answer = new RequestRecord(null, "m", 0, now, now, now, now, 200,
                List.of(new InferenceResponse(now, InferenceResponse.Kind.TEXT, "reply")), null, null);
        io = new Thread(() -> {
            try {
                while (true) {
                    toComplete.take().complete(answer);
                }
            } catch (InterruptedException e) {
                // the trial ended
            }
        }, "handoff-io");
        io.setDaemon(true);
        io.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        io.interrupt();
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long phaseOfRequests() {
        LoadConfig load = new LoadConfig("request_rate", CONCURRENCY, null, LoadConfig.CONCURRENCY_BURST, null,
                REQUESTS, null, null, 30, null, null, null, null, null, null, Double.POSITIVE_INFINITY, null, null,
                null, null);
        PhasePlan plan = new PhasePlan(CreditPhase.PROFILING, load, new AsFastAsSlotsFree(), null, null,
                new RoundRobinUrlSelection(1), null);
        RequestSender sender = (RequestInfo info, long intended) -> {
            CompletableFuture<RequestRecord> future = new CompletableFuture<>();
            try {
                toComplete.put(future);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(false);
            }
            return future;
        };
        PhaseRunner runner = new PhaseRunner(plan, new PhaseRunner.Io(() -> conversation, List.of(conversation),
                sender, (phase, record) -> { }, record -> "", response -> true, () -> false,
                new PhaseProgress(CreditPhase.PROFILING, (long) REQUESTS, null)));
        return runner.run().completed();
    }

    /** Every tick is now: the engine sends whenever a slot is free (the concurrency-burst pattern). */
    private static final class AsFastAsSlotsFree implements TimingStrategy {
        @Override
        public long nextSendTime(long phaseStartPerfNs, long nowPerfNs) {
            return nowPerfNs;
        }

        @Override
        public void processCompletion(RequestRecord record) {
        }
    }
}
