package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.RequestCapture;
import dev.aiperf.mock.RequestCapture.CapturedRequest;
import dev.aiperf.random.SeededRandomStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load shapes end to end against the real mock server over loopback: a replayed schedule, user-centric
 * sessions that wait for their answers and stay on one URL, the prefill limit and simulated client
 * disconnects. Times are checked on the mock's clock (the same {@code System.nanoTime()} in this JVM).
 */
class LoadShapesRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;
    private final List<MockServer> servers = new ArrayList<>();
    private final Map<MockServer, RequestCapture> captures = new java.util.HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stopServers() {
        servers.forEach(MockServer::close);
    }

    private MockServer mock(MockServerConfig.Builder config) {
        MockServer server = MockServer.start(config.host("127.0.0.1").port(0).build());
        captures.put(server, server.captureRequests(1_000));
        servers.add(server);
        return server;
    }

    /** What the mock received, with when and on which connection. */
    private List<CapturedRequest> received(MockServer server) {
        return captures.get(server).requests();
    }

    private BenchmarkOutcome run(TestConfigs config) throws IOException {
        return BenchmarkRunner.prepare(config.build(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
    }

    private static List<JsonNode> records(BenchmarkOutcome outcome) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(outcome.recordsFile())) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(dir.resolve("artifacts/profile_export_aiperf.json").toFile());
    }

    @Test
    void aReplayedScheduleSendsEachEntryAtItsTimestampWithinTheReportedLag() throws IOException {
        MockServer server = mock(MockServerConfig.builder().ttftMs(5).itlMs(1));
        long[] timestamps = {5_000, 5_120, 5_200, 5_200, 5_450, 5_600, 5_610, 5_900};
        Path trace = dir.resolve("trace.jsonl");
        StringBuilder lines = new StringBuilder();
        // Out of order on purpose: the replay sorts by timestamp. One entry lies outside the offsets.
        lines.append("{\"text\": \"too early\", \"timestamp\": 4000}\n");
        for (int i = timestamps.length - 1; i >= 0; i--) {
            lines.append("{\"text\": \"entry ").append(i).append("\", \"timestamp\": ").append(timestamps[i]).append("}\n");
        }
        Files.writeString(trace, lines);
        TestConfigs config = TestConfigs.against(server.baseUrl(), dir.resolve("artifacts"));
        config.inputFile = trace;
        config.customDatasetType = "single_turn";
        config.requestCount = null;
        config.concurrency = null;
        config.timingStrategy = LoadConfig.FIXED_SCHEDULE;
        config.shape = LoadShapeConfig.NONE.withFixedSchedule(true, 4_500L, null);

        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.profiling().sent()).isEqualTo(timestamps.length);
        List<JsonNode> records = records(outcome);
        assertThat(records).hasSize(timestamps.length);
        // Intended send times are exactly the timestamps, relative to the first.
        List<Long> intended = records.stream().map(r -> r.at("/metadata/credit_issued_ns").asLong()).sorted().toList();
        for (int i = 0; i < timestamps.length; i++) {
            assertThat((double) (intended.get(i) - intended.getFirst()) / MS)
                    .isCloseTo(timestamps[i] - timestamps[0], org.assertj.core.data.Offset.offset(1.0));
        }
        // The summary reports the send lag; the mock saw every request at its timestamp within it.
        JsonNode lag = summary().at("/client_health/send_lag");
        assertThat(lag.get("p50").isNumber()).isTrue();
        assertThat(lag.get("p99").isNumber()).isTrue();
        double maxLagMs = lag.get("max").asDouble();
        assertThat(maxLagMs).isLessThan(200);
        List<Long> arrivals = received(server).stream().map(CapturedRequest::arrivalNanos).sorted().toList();
        assertThat(arrivals).hasSize(timestamps.length);
        for (int i = 0; i < timestamps.length; i++) {
            double offsetMs = (double) (arrivals.get(i) - arrivals.getFirst()) / MS;
            // Each arrival is late by at most its own send lag plus the loopback transfer and the mock's read,
            // which on a loaded machine take a few ms more.
            assertThat(offsetMs).isCloseTo(timestamps[i] - timestamps[0],
                    org.assertj.core.data.Offset.offset(maxLagMs + 25.0));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Send lag (actual minus scheduled send time): p50");
    }

    @Test
    void userCentricSessionsWaitForEachAnswerAndStayOnTheirUrlAndConnection() throws IOException {
        // Each answer takes 100 + 3 x 10 ms, longer than the users' 50 ms gap: the next turn must wait for it.
        MockServer first = mock(MockServerConfig.builder().ttftMs(100).itlMs(10));
        MockServer second = mock(MockServerConfig.builder().ttftMs(100).itlMs(10));
        TestConfigs config = TestConfigs.against(first.baseUrl(), dir.resolve("artifacts"));
        config.extraUrls = List.of(second.baseUrl());
        config.connectionReuse = "sticky-user-sessions";
        config.osl = 4;
        config.turns = 3;
        config.entries = 6;
        config.concurrency = null;
        config.requestCount = 14;
        config.timingStrategy = LoadConfig.USER_CENTRIC_RATE;
        config.shape = LoadShapeConfig.NONE.withUserCentricRate(40.0, 2);

        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.profiling().completed()).isEqualTo(14);
        List<CapturedRequest> all = new ArrayList<>(received(first));
        all.addAll(received(second));
        assertThat(all).hasSize(14);
        Map<String, List<CapturedRequest>> bySession = all.stream().collect(Collectors.groupingBy(
                CapturedRequest::correlationId));
        // User ids count from 1; both servers got users.
        assertThat(bySession.keySet()).allMatch(id -> id.matches("\\d+"));
        assertThat(received(first)).isNotEmpty();
        assertThat(received(second)).isNotEmpty();
        int sessionsWithSeveralTurns = 0;
        for (List<CapturedRequest> turns : bySession.values()) {
            List<CapturedRequest> ordered = turns.stream().sorted(Comparator.comparingLong(CapturedRequest::arrivalNanos))
                    .toList();
            // One URL and one connection per session.
            boolean onFirst = received(first).contains(ordered.getFirst());
            assertThat(ordered).allMatch(r -> received(first).contains(r) == onFirst);
            assertThat(ordered).extracting(CapturedRequest::connection).containsOnly(ordered.getFirst().connection());
            for (int i = 1; i < ordered.size(); i++) {
                long gapMs = (ordered.get(i).arrivalNanos() - ordered.get(i - 1).arrivalNanos()) / MS;
                assertThat(gapMs).as("turn %d of user %s waits for the previous answer", i,
                        ordered.getFirst().correlationId()).isGreaterThanOrEqualTo(130);
            }
            sessionsWithSeveralTurns += ordered.size() > 1 ? 1 : 0;
        }
        assertThat(sessionsWithSeveralTurns).isGreaterThanOrEqualTo(2);
    }

    @Test
    void prefillConcurrencyBoundsTheRequestsWaitingForTheirFirstToken() throws IOException {
        // A short prefill (first token after 60 ms) and a long decode (20 tokens, 10 ms apart).
        MockServer server = mock(MockServerConfig.builder().ttftMs(60).itlMs(10));
        TestConfigs config = TestConfigs.against(server.baseUrl(), dir.resolve("artifacts"));
        config.osl = 20;
        config.concurrency = 8;
        config.requestCount = 16;
        config.shape = LoadShapeConfig.NONE.withPrefillConcurrency(2, null);

        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.profiling().completed()).isEqualTo(16);
        assertThat(received(server)).hasSize(16);
        // From the records: each request waited for its first token from its start for its TTFT, then streamed.
        List<long[]> prefill = new ArrayList<>();
        List<long[]> streaming = new ArrayList<>();
        for (JsonNode record : records(outcome)) {
            long start = record.at("/metadata/request_start_ns").asLong();
            long firstToken = start + Math.round(record.at("/metrics/time_to_first_token/value").asDouble() * MS);
            prefill.add(new long[] {start, firstToken});
            streaming.add(new long[] {start, record.at("/metadata/request_end_ns").asLong()});
        }
        // A request starts only once a prefill slot is free: never more than two wait for a first token at once
        // (1 ms spared at each end for the wall-clock conversion).
        assertThat(maxOverlap(prefill, MS)).isLessThanOrEqualTo(2);
        // Far more than two streams were open at once: the prefill limit, not the concurrency, held the rest back.
        assertThat(maxOverlap(streaming, MS)).isGreaterThan(2);
    }

    /** The most intervals that hold a common instant, each shrunk by {@code marginNs} at both ends. */
    private static int maxOverlap(List<long[]> intervals, long marginNs) {
        int most = 0;
        for (long[] at : intervals) {
            long t = at[0] + marginNs;
            int holding = (int) intervals.stream().filter(i -> i[0] + marginNs <= t && t < i[1] - marginNs).count();
            most = Math.max(most, holding);
        }
        return most;
    }

    @Test
    void cancelledRequestsAreRecordedAndCountedAsTheOriginalDoes() throws IOException {
        // The first token comes 500 ms after the request: far later than the 50 ms the client waits.
        MockServer server = mock(MockServerConfig.builder().ttftMs(500).itlMs(5));
        TestConfigs config = TestConfigs.against(server.baseUrl(), dir.resolve("artifacts"));
        config.concurrency = 10;
        config.requestCount = 20;
        config.seed = 11L;
        config.shape = LoadShapeConfig.NONE.withRequestCancellation(40.0, 0.05);
        // The engine draws one number per request from its own stream: the same draws say which are abandoned.
        RandomGenerator draws = new SeededRandomStreams(11L).stream(RequestCancellation.STREAM);
        long expected = 0;
        for (int i = 0; i < 20; i++) {
            expected += draws.nextDouble() < 0.40 ? 1 : 0;
        }
        assertThat(expected).isBetween(1L, 19L);

        BenchmarkOutcome outcome = run(config);

        List<JsonNode> records = records(outcome);
        assertThat(records).hasSize(20);
        List<JsonNode> cancelled = records.stream().filter(r -> r.has("error")).toList();
        assertThat(cancelled).hasSize((int) expected);
        for (JsonNode record : cancelled) {
            assertThat(record.at("/error/code").asInt()).isEqualTo(499);
            assertThat(record.at("/error/type").asText()).isEqualTo("RequestCancellationError");
            assertThat(record.at("/error/message").asText()).isEqualTo("Request cancelled 0.050s after being sent");
            assertThat(record.at("/metadata/was_cancelled").asBoolean()).isTrue();
            long cancelledAfter = record.at("/metadata/cancellation_time_ns").asLong()
                    - record.at("/metadata/request_start_ns").asLong();
            assertThat(cancelledAfter / MS).isGreaterThanOrEqualTo(49L);
            assertThat(record.at("/metadata/responses_received").isInt()).isTrue();
        }
        assertThat(records.stream().filter(r -> !r.has("error")))
                .allMatch(r -> r.at("/metrics/time_to_first_token/value").asDouble() >= 500);
        JsonNode summary = summary();
        assertThat(summary.at("/error_request_count/avg").asLong()).isEqualTo(expected);
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(20 - expected);
        assertThat(outcome.profiling().completed()).isEqualTo(20);
        assertThat(outcome.profiling().cancelled()).isZero();
    }

    @Test
    void http2RequestsAreAbandonedTheSameWay() throws IOException {
        MockServer server = mock(MockServerConfig.builder().ttftMs(500).itlMs(5));
        TestConfigs config = TestConfigs.against(server.baseUrl().replace("http://", "h2c://"), dir.resolve("artifacts"));
        config.concurrency = 4;
        config.requestCount = 4;
        config.shape = LoadShapeConfig.NONE.withRequestCancellation(100.0, 0.02);

        BenchmarkOutcome outcome = run(config);

        List<JsonNode> records = records(outcome);
        assertThat(records).hasSize(4).allMatch(r -> r.at("/error/type").asText().equals("RequestCancellationError")
                && r.at("/error/code").asInt() == 499 && r.at("/metadata/was_cancelled").asBoolean());
        assertThat(outcome.profiling().completed()).isEqualTo(4);
    }
}
