package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint over real HTTP on 127.0.0.1, against one server in fast mode. */
class MockServerEndpointsTest {

    static final String PROMPT = "Shall I compare thee to a summer's day? Thou art more lovely and more temperate.";

    private static MockServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(2)
                .models(List.of("configured-model")).build());
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String chatBody(String model, Integer maxTokens, boolean stream, boolean ignoreEos, boolean includeUsage) {
        var body = TestClient.JSON.createObjectNode().put("model", model);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a poet, and this text is not counted.");
        messages.addObject().put("role", "user").put("content", PROMPT);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        body.put("stream", stream).put("ignore_eos", ignoreEos);
        if (includeUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body.toString();
    }

    @Test
    void portZeroPicksAFreePort() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void chatCompletionAnswersOneBodyWithUsage() {
        HttpResponse<String> response = client.post("/v1/chat/completions", chatBody("m", 24, false, true, false));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = TestClient.json(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("model").asText()).isEqualTo("m");
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        String content = choice.path("message").path("content").asText();
        assertThat(content).isNotBlank();

        int promptTokens = CharChunkTokenizer.count(PROMPT);
        JsonNode usage = body.path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).as("user messages only").isEqualTo(promptTokens);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(24);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(promptTokens + 24);
        assertThat(usage.has("completion_tokens_details")).isFalse();
    }

    @Test
    void streamedChatSendsExactlyMaxTokensWithIgnoreEosThenUsageThenDone() {
        TestClient.Stream stream = client.stream("/v1/chat/completions", chatBody("m", 37, true, true, true));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.events()).last().isEqualTo("[DONE]");

        List<JsonNode> chunks = stream.chunks();
        List<JsonNode> content = chunks.stream().filter(c -> !c.path("choices").isEmpty()).toList();
        assertThat(content).hasSize(37);
        assertThat(content).allSatisfy(c -> {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("choices").path(0).path("delta").path("content").isTextual()).isTrue();
        });
        assertThat(content.getFirst().path("choices").path(0).path("delta").path("role").asText())
                .isEqualTo("assistant");
        assertThat(content.get(1).path("choices").path(0).path("delta").has("role")).isFalse();
        assertThat(content.getLast().path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(content.get(5).path("choices").path(0).has("finish_reason")).isFalse();
        assertThat(content).extracting(c -> c.path("id").asText()).containsOnly(content.getFirst().path("id").asText());

        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.path("choices").isArray()).isTrue();
        assertThat(usageChunk.path("choices")).isEmpty();
        assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(37);
        assertThat(usageChunk.path("usage").path("prompt_tokens").asInt()).isEqualTo(CharChunkTokenizer.count(PROMPT));
    }

    @Test
    void streamedAndWholeAnswersCarryTheSameText() {
        String whole = TestClient.json(client.post("/v1/chat/completions", chatBody("m", 50, false, true, false))
                        .body())
                .path("choices").path(0).path("message").path("content").asText();
        StringBuilder streamed = new StringBuilder();
        client.stream("/v1/chat/completions", chatBody("m", 50, true, true, false)).chunks()
                .forEach(c -> streamed.append(c.path("choices").path(0).path("delta").path("content").asText()));
        assertThat(streamed.toString()).isEqualTo(whole);
    }

    @Test
    void longStreamsArriveWhole() {
        List<JsonNode> chunks = client.stream("/v1/chat/completions", chatBody("m", 3000, true, true, true)).chunks();
        assertThat(chunks).hasSize(3001);
        assertThat(chunks.get(2999).path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(chunks.get(3000).path("usage").path("completion_tokens").asInt()).isEqualTo(3000);
    }

    @Test
    void withoutIncludeUsageTheStreamHasNoUsageChunk() {
        TestClient.Stream stream = client.stream("/v1/chat/completions", chatBody("m", 5, true, true, false));
        assertThat(stream.chunks()).hasSize(5).allSatisfy(c -> assertThat(c.has("usage")).isFalse());
        assertThat(stream.events()).last().isEqualTo("[DONE]");
    }

    @Test
    void reasoningModelsStreamReasoningContentFirst() {
        String body = chatBody("Qwen/Qwen3-0.6B", 130, true, true, true)
                .replace("\"stream\"", "\"reasoning_effort\":\"low\",\"stream\"");
        List<JsonNode> chunks = client.stream("/v1/chat/completions", body).chunks();
        List<JsonNode> deltas = chunks.stream().filter(c -> !c.path("choices").isEmpty())
                .map(c -> c.path("choices").path(0).path("delta")).toList();
        assertThat(deltas).hasSize(130);
        assertThat(deltas.subList(0, 100)).allSatisfy(d -> {
            assertThat(d.path("reasoning_content").isTextual()).isTrue();
            assertThat(d.path("role").asText()).isEqualTo("assistant");
        });
        assertThat(deltas.subList(100, 130)).allSatisfy(d -> {
            assertThat(d.path("content").isTextual()).isTrue();
            assertThat(d.has("role")).as("no role on content after reasoning").isFalse();
        });
        JsonNode usage = chunks.getLast().path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(130);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(100);

        JsonNode whole = TestClient.json(client.post("/v1/chat/completions",
                body.replace("\"stream\":true", "\"stream\":false")).body());
        assertThat(whole.path("choices").path(0).path("message").path("reasoning_content").asText()).isNotEmpty();
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokens() {
        String body = chatBody("m", 40, false, true, false).replace("\"max_tokens\"",
                "\"max_completion_tokens\":7,\"max_tokens\"");
        JsonNode usage = TestClient.json(client.post("/v1/chat/completions", body).body()).path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void textCompletionsStreamAndAnswerWhole() {
        String body = "{\"model\":\"m\",\"prompt\":\"" + PROMPT.replace("'", "") + "\",\"max_tokens\":12,"
                + "\"ignore_eos\":true,\"stream\":%s,\"stream_options\":{\"include_usage\":true}}";
        JsonNode whole = TestClient.json(client.post("/v1/completions", body.formatted("false")).body());
        assertThat(whole.path("object").asText()).isEqualTo("text_completion");
        assertThat(whole.path("id").asText()).startsWith("cmpl-");
        assertThat(whole.path("choices").path(0).path("text").asText()).isNotEmpty();
        assertThat(whole.path("usage").path("completion_tokens").asInt()).isEqualTo(12);

        List<JsonNode> chunks = client.stream("/v1/completions", body.formatted("true")).chunks();
        assertThat(chunks).hasSize(13);
        assertThat(chunks.subList(0, 12)).allSatisfy(c -> {
            assertThat(c.path("object").asText()).isEqualTo("text_completion");
            assertThat(c.path("choices").path(0).path("text").isTextual()).isTrue();
        });
        assertThat(chunks.get(11).path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(chunks.get(12).path("usage").path("total_tokens").asInt())
                .isEqualTo(CharChunkTokenizer.count(PROMPT.replace("'", "")) + 12);
    }

    @Test
    void embeddingsAreDeterministic768DimensionVectors() {
        String body = "{\"model\":\"embedder\",\"input\":[\"hello world\",\"goodbye\"]}";
        JsonNode first = TestClient.json(client.post("/v1/embeddings", body).body());
        JsonNode second = TestClient.json(client.post("/v1/embeddings", body).body());
        assertThat(first).isEqualTo(second);
        assertThat(first.path("object").asText()).isEqualTo("list");
        assertThat(first.path("model").asText()).isEqualTo("embedder");
        assertThat(first.path("data")).hasSize(2);
        JsonNode vector = first.path("data").path(0).path("embedding");
        assertThat(vector).hasSize(EmbeddingEncoder.DIMENSIONS);
        assertThat(first.path("data").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(vector.get(0).asDouble()).isEqualTo(EmbeddingEncoder.vector("hello world")[0]);
        assertThat(first.path("data").path(1).path("embedding")).isNotEqualTo(vector);
        List<Double> values = new ArrayList<>();
        vector.forEach(v -> values.add(v.asDouble()));
        assertThat(values).allSatisfy(v -> assertThat(v).isBetween(-0.5, 0.5));
        assertThat(first.path("usage").path("prompt_tokens").asInt())
                .isEqualTo(CharChunkTokenizer.count("hello world\ngoodbye"));

        JsonNode single = TestClient.json(client.post("/v1/embeddings", "{\"model\":\"e\",\"input\":\"hello world\"}")
                .body());
        assertThat(single.path("data").path(0).path("embedding")).isEqualTo(vector);
    }

    @Test
    void modelsListsConfiguredModelsAndModelsSeen() {
        client.post("/v1/chat/completions", chatBody("seen-model", 1, false, true, false));
        JsonNode models = TestClient.json(client.get("/v1/models").body());
        assertThat(models.path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        models.path("data").forEach(m -> {
            assertThat(m.path("object").asText()).isEqualTo("model");
            ids.add(m.path("id").asText());
        });
        assertThat(ids.getFirst()).isEqualTo("configured-model");
        assertThat(ids).contains("seen-model").doesNotHaveDuplicates();
    }

    @Test
    void healthReportsTheConfiguration() {
        HttpResponse<String> response = client.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = TestClient.json(response.body());
        assertThat(health.path("status").asText()).isEqualTo("healthy");
        assertThat(health.path("config").path("fast").asBoolean()).isTrue();
        assertThat(health.path("config").path("ttftMs").asDouble()).isEqualTo(20.0);
        assertThat(health.path("config").path("faults").path("forcedStatus").asInt()).isZero();
    }

    @Test
    void unknownPathIs404WrongMethodIs405() {
        HttpResponse<String> notFound = client.get("/v2/nothing");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(notFound.body()).path("detail").asText()).contains("/v2/nothing");

        HttpResponse<String> wrongMethod = client.get("/v1/chat/completions");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
        assertThat(TestClient.json(wrongMethod.body()).path("detail").asText()).contains("POST");

        assertThat(client.post("/health", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void malformedOrIncompleteBodiesAre400WithAMessage() {
        HttpResponse<String> broken = client.post("/v1/chat/completions", "{\"model\": \"m\", \"messages\": [");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(broken.body()).path("detail").asText()).startsWith("Malformed JSON body");

        HttpResponse<String> trailing = client.post("/v1/completions", "{\"prompt\":\"x\"} garbage");
        assertThat(trailing.statusCode()).isEqualTo(400);

        HttpResponse<String> noMessages = client.post("/v1/chat/completions", "{\"model\":\"m\"}");
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(noMessages.body()).path("detail").asText()).contains("messages");

        HttpResponse<String> badMax = client.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":-3}");
        assertThat(badMax.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(badMax.body()).path("detail").asText()).contains("max_tokens");
        assertThat(client.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":2000000}").statusCode())
                .isEqualTo(400);

        assertThat(client.post("/v1/embeddings", "[]").statusCode()).isEqualTo(400);
        assertThat(client.post("/v1/embeddings", "").statusCode()).isEqualTo(400);
    }

    @Test
    void theSamePromptGetsTheSameAnswer() {
        String body = chatBody("m", null, false, false, false);
        JsonNode first = TestClient.json(client.post("/v1/chat/completions", body).body());
        JsonNode second = TestClient.json(client.post("/v1/chat/completions", body).body());
        assertThat(second.path("choices")).isEqualTo(first.path("choices"));
        assertThat(second.path("usage")).isEqualTo(first.path("usage"));
        int promptTokens = CharChunkTokenizer.count(PROMPT);
        assertThat(first.path("usage").path("completion_tokens").asInt())
                .isBetween((int) (promptTokens * 0.8), (int) (promptTokens * 1.2));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        String requests = TestClient.rawPost("/v1/chat/completions", chatBody("first", 3, true, true, false))
                + TestClient.rawPost("/v1/completions",
                        "{\"model\":\"second\",\"prompt\":\"hi there\",\"max_tokens\":2}")
                + "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String wire = client.raw(requests, Duration.ofSeconds(5));
        int first = wire.indexOf("\"model\":\"first\"");
        int second = wire.indexOf("\"model\":\"second\"");
        int third = wire.indexOf("\"status\":\"healthy\"");
        assertThat(first).isNotNegative();
        assertThat(second).isGreaterThan(wire.indexOf("data: [DONE]"));
        assertThat(third).isGreaterThan(second);
        assertThat(wire.split("HTTP/1.1 200 OK", -1)).hasSize(4);
    }

    @Test
    void streamsUseChunkedTransferEncodingAndEndWithTheTerminatingChunk() {
        String wire = client.raw(TestClient.rawPost("/v1/chat/completions", chatBody("m", 2, true, true, false),
                "Connection: close"), Duration.ofSeconds(5));
        assertThat(wire).contains("transfer-encoding: chunked").contains("connection: close")
                .contains("data: [DONE]\n\n").endsWith("\r\n0\r\n\r\n");
    }
}
