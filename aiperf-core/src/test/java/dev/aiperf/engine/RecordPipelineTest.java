package dev.aiperf.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.endpoint.ChatEndpoint;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.metrics.MetricRecordProcessor;
import dev.aiperf.records.InferenceResultParser;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records pipeline: parsing, counting and formatting run on several workers, yet the file and the
 * results processors see every record once, in completion order, one record at a time.
 */
class RecordPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BenchmarkConfig config = TestConfigs.against("http://127.0.0.1:1", Path.of("unused")).build();
    private final ChatEndpoint endpoint = Endpoints.chat(config);
    private final InferenceResultParser parser = InferenceResultParser.forRun(config, endpoint,
            Endpoints.metadata("chat"), Tokenizers.forName("cl100k_base"));
    private final MetricRecordProcessor metrics = new MetricRecordProcessor(
            new ProcessorContext(config, Endpoints.metadata("chat")));

    /** Remembers the order records reach it, every thread that called it, and whether two calls overlapped. */
    private static final class OrderRecorder implements ResultsProcessor {
        final List<Long> credits = new ArrayList<>();
        final CopyOnWriteArraySet<String> threads = new CopyOnWriteArraySet<>();
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean overlapped;

        @Override
        public void addRecord(MetricRecord record) {
            if (inside.incrementAndGet() > 1) {
                overlapped = true;
            }
            threads.add(Thread.currentThread().getName());
            credits.add(record.record().request().requestInfo().creditNum());
            inside.decrementAndGet();
        }

        @Override
        public List<MetricResult> processResults() {
            return List.of();
        }
    }

    private RecordPipeline pipeline(Path records, RecordProcessor processor, ResultsProcessor results, int workers)
            throws IOException {
        BenchmarkConfig writeTo = TestConfigs.against("http://127.0.0.1:1", records.getParent()).build();
        return new RecordPipeline(parser, List.of(processor), List.of(results), RecordWriters.forConfig(writeTo),
                new PrintStream(err, true, StandardCharsets.UTF_8), workers);
    }

    private static RequestRecord record(long credit) {
        Turn turn = Turn.ofText("Shall I compare thee to a summer's day? Thou art more lovely", 8);
        RequestInfo info = new RequestInfo(new Conversation("conv-" + credit % 3, List.of(turn), null, null),
                List.of(turn), 0, credit, CreditPhase.PROFILING, "req-" + credit, "corr-" + credit, 0);
        String body = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Rough winds do shake the darling buds of May " + credit
                + "\"},\"finish_reason\":\"length\"}]}";
        long start = 1_000_000 + credit * 1_000;
        return new RequestRecord(info, "mock-model", 1_700_000_000_000_000_000L + start, start - 10, start, start + 400,
                start + 900, 200, List.of(new InferenceResponse(start + 900, InferenceResponse.Kind.TEXT, body)), null,
                null);
    }

    private static List<Long> creditsIn(Path file) throws IOException {
        List<Long> credits = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            credits.add(JSON.readTree(line).at("/metadata/session_num").asLong());
        }
        return credits;
    }

    @Test
    void recordsKeepTheirCompletionOrderWhateverOrderTheWorkersFinishIn() throws IOException {
        Path file = dir.resolve("profile_export.jsonl");
        OrderRecorder results = new OrderRecorder();
        // Every seventh record takes longer on its worker, so later ones are ready before it.
        RecordProcessor uneven = record -> {
            if (record.request().requestInfo().creditNum() % 7 == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            return metrics.processRecord(record);
        };
        RecordPipeline pipeline = pipeline(file, uneven, results, 4);
        List<Long> sent = new ArrayList<>();
        for (long credit = 0; credit < 300; credit++) {
            pipeline.submit(record(credit));
            sent.add(credit);
        }
        pipeline.finish();

        assertThat(pipeline.processed()).isEqualTo(300);
        assertThat(results.credits).isEqualTo(sent);
        assertThat(results.overlapped).as("results processors are called one record at a time").isFalse();
        assertThat(results.threads).allMatch(name -> name.startsWith("aiperf-records-"));
        assertThat(creditsIn(file)).isEqualTo(sent);
        assertThat(JSON.readTree(Files.readAllLines(file).getFirst()).at("/metrics/output_sequence_length/value").asInt())
                .isPositive();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void recordsSubmittedByManyThreadsAtOnceAreEachCommittedOnceInEachThreadsOrder() throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        OrderRecorder results = new OrderRecorder();
        RecordPipeline pipeline = pipeline(file, metrics, results, 3);
        int threads = 4;
        int perThread = 250;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            Thread submitter = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    pipeline.submit(record(first + i));
                }
            });
            submitter.start();
            submitters.add(submitter);
        }
        go.countDown();
        for (Thread submitter : submitters) {
            submitter.join();
        }
        pipeline.finish();

        assertThat(pipeline.processed()).isEqualTo(threads * perThread);
        assertThat(results.credits).doesNotHaveDuplicates().hasSize(threads * perThread);
        assertThat(creditsIn(file)).isEqualTo(results.credits);
        for (int t = 0; t < threads; t++) {
            long first = (long) t * perThread;
            assertThat(results.credits.stream().filter(c -> c >= first && c < first + perThread).toList())
                    .as("records of submitter %d", t).isSorted();
        }
    }

    @Test
    void aCompletedRecordReachesTheFileWhileTheRunGoesOn() throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        RecordPipeline pipeline = pipeline(file, metrics, new OrderRecorder(), 2);
        pipeline.submit(record(0));
        pipeline.submit(record(1));
        // Nothing else arrives: the pipeline runs out of work and flushes, with no finish() and no close.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !(Files.exists(file) && Files.readAllLines(file).size() == 2)) {
            Thread.sleep(10);
        }
        assertThat(creditsIn(file)).containsExactly(0L, 1L);
        pipeline.finish();
    }

    @Test
    void aRecordThatCannotBeMeasuredIsSkippedOnceWithAWarningAndTheOthersAreKept() throws IOException {
        Path file = dir.resolve("profile_export.jsonl");
        OrderRecorder results = new OrderRecorder();
        RecordProcessor failsOnThree = record -> {
            if (record.request().requestInfo().creditNum() == 3) {
                throw new IllegalStateException("cannot measure record 3");
            }
            return metrics.processRecord(record);
        };
        RecordPipeline pipeline = pipeline(file, failsOnThree, results, 3);
        for (long credit = 0; credit < 6; credit++) {
            pipeline.submit(record(credit));
        }
        RequestRecord failed = record(6).withError(new ErrorDetails(500, "Internal Server Error", "boom"));
        pipeline.submit(failed);
        pipeline.finish();

        assertThat(results.credits).containsExactly(0L, 1L, 2L, 4L, 5L, 6L);
        assertThat(creditsIn(file)).containsExactly(0L, 1L, 2L, 4L, 5L, 6L);
        assertThat(pipeline.processed()).isEqualTo(6);
        assertThat(pipeline.errors().toList()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("skipped").contains("cannot measure record 3");
    }
}
