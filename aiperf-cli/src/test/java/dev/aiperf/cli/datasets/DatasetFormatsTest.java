package dev.aiperf.cli.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.RequestCapture;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every custom dataset format end to end: the documented example file (examples/datasets) replayed against the real
 * mock server over loopback, checking the bodies the mock received and what the run measured.
 */
class DatasetFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("../examples/datasets");
    private static MockServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).fast(true).build());
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    private Run profile(String... args) throws IOException {
        RequestCapture capture = server.captureRequests(1000);
        Path artifacts = dir.resolve("run");
        List<String> all = new ArrayList<>(List.of("profile", "-m", "mock-model", "--url", server.baseUrl(),
                "--random-seed", "7", "--ui", "none", "--artifact-dir", artifacts.toString()));
        if (!List.of(args).contains("--fixed-schedule")) {
            all.addAll(List.of("--concurrency", "1"));
        }
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> bodies = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        List<RequestCapture.CapturedRequest> requests = new ArrayList<>(capture.requests());
        requests.sort(java.util.Comparator.comparingLong(RequestCapture.CapturedRequest::arrivalNanos));
        for (RequestCapture.CapturedRequest request : requests) {
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            bodies.add(request.json());
            arrivals.add(request.arrivalNanos());
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        return new Run(run, bodies, arrivals, records, JSON.readTree(artifacts.resolve("inputs.json").toFile()));
    }

    private record Run(CliRun cli, List<JsonNode> bodies, List<Long> arrivalNanos, List<JsonNode> records,
                       JsonNode inputs) {
        List<String> lastContents() {
            return bodies.stream().map(b -> lastMessage(b).path("content").asText()).toList();
        }

        List<Integer> inputLengths() {
            return records.stream().map(r -> r.at("/metrics/input_sequence_length/value").asInt()).toList();
        }
    }

    private static JsonNode lastMessage(JsonNode body) {
        JsonNode messages = body.get("messages");
        return messages.get(messages.size() - 1);
    }

    private static String qwen3() {
        return Path.of(System.getProperty("aiperf.test.tokenizers"), "qwen3").toString();
    }

    @Test
    void singleTurnSendsEachLineWithItsOutputLength() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("single_turn.jsonl").toString(), "--request-count", "3");

        assertThat(run.lastContents()).containsExactly("What is the capital of France?",
                "Summarise the plot of Hamlet in two sentences.", "Translate to German: good morning");
        assertThat(run.bodies().get(1).get("max_completion_tokens").asInt()).isEqualTo(40);
        assertThat(run.bodies().get(0).has("max_completion_tokens")).isFalse();
        assertThat(lastMessage(run.bodies().get(2)).get("name").asText()).isEqualTo("question");
        assertThat(run.records()).hasSize(3).allSatisfy(r -> assertThat(r.has("error")).isFalse());
    }

    @Test
    void multiTurnCarriesTheSystemMessageAndTheHistoryAndWaitsTheDelays() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("multi_turn.jsonl").toString(), "--request-count", "5");

        assertThat(run.lastContents()).containsExactly("Hello, who are you?", "And what can you do?", "Thanks, bye.",
                "Name three prime numbers.", "Now three more.");
        JsonNode third = run.bodies().get(2).get("messages");
        assertThat(third.get(0).toString()).isEqualTo("{\"role\":\"system\",\"content\":\"You are a terse assistant.\"}");
        assertThat(third).extracting(m -> m.get("role").asText())
                .containsExactly("system", "user", "assistant", "user", "assistant", "user");
        assertThat(third.get(2).get("content").asText()).as("the mock's reply to the first turn").isNotEmpty();
        assertThat(run.bodies().get(2).get("max_completion_tokens").asInt()).isEqualTo(8);
        assertThat(run.bodies().get(3).get("messages")).hasSize(1);
        assertThat(run.records()).hasSize(5);
        // inputs.json shows the system message that every request of chat_1 carries.
        JsonNode chat1 = run.inputs().at("/data/0");
        assertThat(chat1.get("session_id").asText()).isEqualTo("chat_1");
        assertThat(chat1.at("/payloads/0/messages/0/role").asText()).isEqualTo("system");
        assertThat(chat1.get("payloads")).hasSize(3);
    }

    @Test
    void multiTurnTurnsSendTheirImagesAsContentParts() throws IOException {
        Path data = Files.writeString(dir.resolve("vision.jsonl"), "{\"session_id\": \"v\", \"turns\": ["
                + "{\"text\": \"What is in the picture?\", \"image\": \"https://example.com/cat.png\"},"
                + "{\"text\": \"What colour is it?\", \"delay\": 10}]}\n");

        Run run = profile("--input-file", data.toString(), "--request-count", "2");

        JsonNode parts = lastMessage(run.bodies().get(0)).get("content");
        assertThat(parts.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"What is in the picture?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]");
        assertThat(run.bodies().get(1).at("/messages/0/content/1/image_url/url").asText())
                .as("the history keeps the first turn's image").isEqualTo("https://example.com/cat.png");
        assertThat(run.records()).hasSize(2).allSatisfy(r -> assertThat(r.has("error")).isFalse());
    }

    @Test
    void randomPoolMergesOneEntryOfEveryPoolPerRequest() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("random_pool").toString(), "--num-sessions", "6");

        assertThat(run.bodies()).hasSize(6);
        for (JsonNode body : run.bodies()) {
            JsonNode parts = lastMessage(body).get("content");
            assertThat(parts).as(body.toString()).hasSize(2);
            assertThat(parts.get(0).get("text").asText()).isIn("It was the best of times, it was the worst of times.",
                    "Call me Ishmael.");
            assertThat(parts.get(1).get("text").asText()).isIn("Who wrote this passage?", "Which year is it set in?",
                    "What is the main argument?");
        }
        assertThat(run.records()).hasSize(6);
    }

    @Test
    void aReplayedMooncakeTraceSendsExactLengthsSharedPrefixesAndItsOutputLengths() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("mooncake_trace.jsonl").toString(), "--request-count", "6",
                "--tokenizer", qwen3());

        List<String> prompts = run.lastContents();
        Tokenizer tokenizer = Tokenizers.forName(qwen3());
        assertThat(prompts.subList(0, 3)).extracting(tokenizer::count).containsExactly(1100, 1200, 700);
        String sharedTwoBlocks = prompts.get(0).substring(0, commonPrefix(prompts.get(0), prompts.get(1)));
        assertThat(tokenizer.count(sharedTwoBlocks)).as("hash ids [0,1] shared").isBetween(1020, 1030);
        String sharedOneBlock = prompts.get(0).substring(0, commonPrefix(prompts.get(0), prompts.get(2)));
        assertThat(tokenizer.count(sharedOneBlock)).as("hash id [0] shared").isBetween(508, 518);
        assertThat(commonPrefix(prompts.get(4), prompts.get(0))).as("no hash ids, nothing shared").isLessThan(20);
        assertThat(prompts.get(3)).isEqualTo("Tell me a joke about benchmarks.");
        assertThat(run.bodies()).extracting(b -> b.get("max_completion_tokens").asInt())
                .containsExactly(12, 10, 8, 16, 6, 6);
        assertThat(run.inputLengths().subList(0, 3)).as("measured ISL, in the same tokenizer")
                .containsExactly(1100, 1200, 700);
        assertThat(run.inputLengths().get(4)).isEqualTo(64);
    }

    @Test
    void aFixedScheduleReplaysTheTraceTimestampsAndDelays() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("mooncake_trace.jsonl").toString(), "--fixed-schedule",
                "--fixed-schedule-auto-offset");

        // In arrival order: rows at 0, 40, 90, 120 and 150 ms, then the second turn of s1 50 ms after its first.
        assertThat(run.bodies()).extracting(b -> b.get("max_completion_tokens").asInt())
                .containsExactly(12, 10, 8, 16, 6, 6);
        // The rows' send times are the schedule's (tested with a fake clock by the load-shape tests); here only what
        // cannot depend on this machine's load: the order, and s1's delay, waited after its first turn's reply.
        assertThat((run.arrivalNanos().get(5) - run.arrivalNanos().get(4)) / 1e6).as("s1's delay of 50 ms")
                .isGreaterThanOrEqualTo(50.0);
        assertThat(run.records()).hasSize(6);
    }

    @Test
    void bailianChatsAreReplayedAsConversationsOfExactLengths() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("bailian_trace.jsonl").toString(), "--request-count", "3",
                "--tokenizer", qwen3());

        assertThat(run.bodies()).hasSize(3);
        assertThat(run.bodies().get(1).get("messages")).as("turn 2 of chat 159 carries turn 1 and its reply")
                .hasSize(3);
        String first = run.bodies().get(0).at("/messages/0/content").asText();
        String second = lastMessage(run.bodies().get(1)).get("content").asText();
        assertThat(second).startsWith(first);
        assertThat(run.bodies()).extracting(b -> b.get("max_completion_tokens").asInt()).containsExactly(12, 10, 8);
        Tokenizer tokenizer = Tokenizers.forName(qwen3());
        assertThat(run.lastContents()).extracting(tokenizer::count).containsExactly(40, 60, 20);
    }

    @Test
    void burstGptRowsAreSentWithTheirLengths() throws IOException {
        Run run = profile("--input-file", EXAMPLES.resolve("burst_gpt_trace.csv").toString(), "--custom-dataset-type",
                "burst_gpt_trace", "--request-count", "3", "--tokenizer", qwen3());

        assertThat(run.inputLengths()).containsExactly(120, 64, 200);
        assertThat(run.bodies().get(0).get("max_completion_tokens").asInt()).isEqualTo(20);
        assertThat(run.bodies().get(1).has("max_completion_tokens")).isFalse();
    }

    @Test
    void badFilesEndInOneMessageWithoutAStackTrace() throws IOException {
        Path binary = Files.write(dir.resolve("trace.jsonl"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        Path badField = Files.writeString(dir.resolve("multi.jsonl"),
                "{\"session_id\": \"a\", \"turns\": [{\"text\": \"x\", \"delay\": -5}]}\n");
        Path ambiguous = Files.writeString(dir.resolve("unknown.jsonl"), "{\"prompt\": \"x\"}\n");

        CliRun notText = CliRun.of("profile", "-m", "m", "--url", server.baseUrl(), "--input-file", binary.toString(),
                "--artifact-dir", dir.resolve("a").toString());
        assertThat(notText.exitCode()).isNotZero();
        assertThat(notText.err()).contains(binary + ":1: not UTF-8 text").doesNotContain("\tat ")
                .doesNotContain("MalformedInput");

        CliRun field = CliRun.of("profile", "-m", "m", "--url", server.baseUrl(), "--input-file", badField.toString(),
                "--artifact-dir", dir.resolve("b").toString());
        assertThat(field.exitCode()).isNotZero();
        assertThat(field.err()).contains(badField + ":1:45: field 'turns[0].delay': must be a number of milliseconds")
                .doesNotContain("\tat ");

        CliRun unknown = CliRun.of("profile", "-m", "m", "--url", server.baseUrl(), "--input-file",
                ambiguous.toString(), "--artifact-dir", dir.resolve("c").toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("matches no known dataset format")
                .contains("single_turn, multi_turn, random_pool, mooncake_trace, bailian_trace, burst_gpt_trace")
                .contains("--custom-dataset-type");
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
