package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.testkit.ClosedPort;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each way a server or an input can go wrong, against the real mock server on loopback: the run
 * ends with a clear error per request, the errors are counted in the summary, and every record that
 * completed is in {@code profile_export.jsonl}.
 */
class FaultToleranceTest extends RunAgainstMockServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    FaultToleranceTest() {
        super(true);
    }

    /** A fast mock with these faults. */
    @Override
    TestConfigs against(MockServerConfig.Builder mock) {
        return super.against(mock.ttftMs(1).itlMs(0.5));
    }

    private static List<JsonNode> records(BenchmarkOutcome outcome) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(outcome.recordsFile())) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static long errorCount(BenchmarkOutcome outcome) {
        return outcome.context().errorSummary().stream().mapToLong(ErrorCount::count).sum();
    }

    private String console() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unreachableServerGivesConnectionErrors() throws IOException {
        BenchmarkOutcome outcome;
        int closedPort;
        try (ClosedPort down = ClosedPort.open()) {
            closedPort = down.port();
            TestConfigs config = TestConfigs.against(down.url(), dir.resolve("artifacts"));
            config.requestCount = 5;
            config.concurrency = 2;
            outcome = run(config);
        }

        assertThat(errorCount(outcome)).isEqualTo(5);
        assertThat(outcome.context().errorSummary().getFirst().details().type()).isEqualTo("ConnectionError");
        assertThat(outcome.context().errorSummary().getFirst().details().message()).contains("127.0.0.1:" + closedPort);
        assertThat(records(outcome)).hasSize(5).allSatisfy(r -> assertThat(r.has("error")).isTrue());
        assertThat(console()).contains("Error Summary").contains("ConnectionError");
    }

    @Test
    void connectionRefusedMidRunKeepsTheRecordsAlreadyMeasured() throws Exception {
        TestConfigs config = against(MockServerConfig.builder());
        config.requestCount = 400;
        config.concurrency = 2;
        config.streaming = false;
        // A connection caught in the server's shutdown can stay open and silent: bound its wait.
        config.requestTimeoutSeconds = 2;
        BenchmarkRunner.Prepared prepared = prepare(config.build());
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            server.close();
        });
        killer.start();
        BenchmarkOutcome outcome = prepared.run();
        killer.join();

        List<JsonNode> records = records(outcome);
        long ok = records.stream().filter(r -> !r.has("error")).count();
        long failed = records.stream().filter(r -> r.has("error")).count();
        assertThat(ok).isPositive();
        assertThat(failed).isPositive();
        assertThat(ok + failed).isEqualTo(400);
        assertThat(console()).contains("Error Summary").contains("Connection refused");
        assertThat(errorCount(outcome)).isEqualTo(failed);
        assertThat(outcome.context().result("request_count").orElseThrow().avg()).isEqualTo((double) ok);
    }

    @Test
    void httpErrorStatusesAreCountedWithTheirCode() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().faultStatus(503));
        config.requestCount = 6;
        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.context().errorSummary()).singleElement().satisfies(e -> {
            assertThat(e.details().code()).isEqualTo(503);
            assertThat(e.count()).isEqualTo(6);
        });
        assertThat(records(outcome)).allSatisfy(r -> assertThat(r.at("/error/code").asInt()).isEqualTo(503));
    }

    @Test
    void aRandomErrorRateMixesSuccessesAndCountedErrors() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().errorRatePercent(50).randomSeed(3L));
        config.requestCount = 40;
        BenchmarkOutcome outcome = run(config);

        long errors = errorCount(outcome);
        assertThat(errors).isBetween(5L, 35L);
        assertThat(outcome.context().errorSummary()).allSatisfy(e -> assertThat(e.details().code()).isEqualTo(500));
        assertThat(records(outcome)).hasSize(40);
        assertThat(outcome.context().result("request_count").orElseThrow().avg()).isEqualTo(40.0 - errors);
    }

    @Test
    void malformedJsonBodiesBecomeParseErrors() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().faultMalformedJsonRatePercent(100));
        config.streaming = false;
        config.requestCount = 4;
        BenchmarkOutcome outcome = run(config);

        assertThat(errorCount(outcome)).isEqualTo(4);
        assertThat(records(outcome)).hasSize(4).allSatisfy(r -> assertThat(r.has("error")).isTrue());
    }

    @Test
    void malformedSseChunksFailTheirRequests() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().faultMalformedJsonRatePercent(100));
        config.requestCount = 4;
        BenchmarkOutcome outcome = run(config);

        assertThat(errorCount(outcome)).isEqualTo(4);
        assertThat(records(outcome)).hasSize(4);
    }

    /**
     * Some broken chunks among good ones: each affected request is one error (never a success with
     * tokens silently missing), all in one group of the summary whatever chunk broke, and the last
     * progress line counts as many errors as the summary.
     */
    @Test
    void partlyMalformedStreamsAreCountedErrorsInOneGroupAndTheProgressLineAgrees() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().faultMalformedJsonRatePercent(10).randomSeed(5L));
        config.requestCount = 30;
        config.osl = 8;
        config.ui = "simple";
        BenchmarkOutcome outcome = run(config);

        List<JsonNode> records = records(outcome);
        long failed = records.stream().filter(r -> r.has("error")).count();
        assertThat(records).hasSize(30);
        assertThat(failed).as("10%% of 9 chunks broken: most requests, not all, hit one").isBetween(5L, 29L);
        assertThat(errorCount(outcome)).isEqualTo(failed);
        assertThat(outcome.context().errorSummary()).singleElement().satisfies(e -> {
            assertThat(e.details().type()).isEqualTo("ResponseParseError");
            assertThat(e.details().message()).isEqualTo(
                    "A response could not be parsed: The chat endpoint received a response that is not valid JSON");
        });
        String lastProgress = console().lines().filter(l -> l.startsWith("aiperf: profiling") && l.endsWith("(done)"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(lastProgress).contains(" " + failed + " errors");
    }

    @Test
    void aStreamClosedMidwayIsAnErrorNotAShortAnswer() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().faultTruncateStreamAfter(3));
        config.requestCount = 4;
        BenchmarkOutcome outcome = run(config);

        assertThat(errorCount(outcome)).isEqualTo(4);
        assertThat(outcome.context().errorSummary().getFirst().details().message()).contains("closed");
        assertThat(records(outcome)).hasSize(4);
    }

    @Test
    void aStalledServerHitsTheRequestTimeout() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().faultStallAfterHeaders(true));
        config.requestCount = 2;
        config.concurrency = 2;
        config.requestTimeoutSeconds = 0.5;
        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.context().errorSummary()).singleElement()
                .satisfies(e -> assertThat(e.details().type()).contains("Timeout"));
        assertThat(records(outcome)).hasSize(2);
    }

    @Test
    void anEmptyDatasetFileIsRejectedBeforeAnyRequest() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n  \n");
        TestConfigs config = TestConfigs.against("http://127.0.0.1:1", dir.resolve("artifacts"));
        config.inputFile = empty;
        assertThatThrownBy(() -> run(config)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("empty.jsonl").hasMessageContaining("empty");
        config.customDatasetType = "single_turn";
        assertThatThrownBy(() -> run(config)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("empty.jsonl");
    }

    @Test
    void aCustomDatasetIsReplayedInOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("prompts.jsonl"),
                "{\"text\": \"first prompt\"}\n{\"text\": \"second prompt\"}\n");
        TestConfigs config = against(MockServerConfig.builder());
        config.inputFile = file;
        config.requestCount = 4;
        config.concurrency = 1;
        BenchmarkOutcome outcome = run(config);

        assertThat(records(outcome)).hasSize(4);
        JsonNode inputs = JSON.readTree(outcome.inputsFile().toFile());
        assertThat(inputs.at("/data/0/payloads/0/messages/0/content").asText()).isEqualTo("first prompt");
    }
}
