package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire formats of the APIs beyond chat, completions and embeddings, as real servers send them. */
class MockServerOtherApisTest {
    private static MockServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(1).build());
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void responsesStreamsTypedEventsEndingWithCompletedUsageAndNoDone() {
        TestClient.Stream stream = client.stream("/v1/responses", "{\"model\":\"m\",\"stream\":true,"
                + "\"max_output_tokens\":4,\"ignore_eos\":true,\"input\":\"Shall I compare thee to a summer's day\"}");

        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.events()).doesNotContain("[DONE]");
        List<String> types = stream.chunks().stream().map(c -> c.get("type").asText()).toList();
        assertThat(types).containsExactly("response.created", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.completed");
        JsonNode completed = stream.chunks().getLast().get("response");
        assertThat(completed.at("/usage/output_tokens").asInt()).isEqualTo(4);
        assertThat(completed.at("/output/0/content/0/type").asText()).isEqualTo("output_text");

        JsonNode whole = TestClient.json(client.post("/v1/responses", "{\"model\":\"qwen\",\"max_output_tokens\":"
                + "120,\"reasoning\":{\"effort\":\"low\"},\"input\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"Shall I compare thee\"}]}]}").body());
        assertThat(whole.get("object").asText()).isEqualTo("response");
        assertThat(whole.at("/output/0/type").asText()).isEqualTo("reasoning");
        assertThat(whole.at("/usage/output_tokens_details/reasoning_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void tgiStreamsTokensAndPutsTheWholeTextOnlyInTheLastEvent() {
        TestClient.Stream stream = client.stream("/generate_stream",
                "{\"inputs\":\"Shall I compare thee\",\"parameters\":{\"max_new_tokens\":3,\"ignore_eos\":true}}");

        List<JsonNode> chunks = stream.chunks();
        assertThat(stream.events()).doesNotContain("[DONE]");
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).get("generated_text").isNull()).isTrue();
        String joined = chunks.stream().map(c -> c.at("/token/text").asText()).reduce("", String::concat);
        assertThat(chunks.get(2).get("generated_text").asText()).isEqualTo(joined);
        assertThat(chunks.get(2).at("/details/finish_reason").asText()).isEqualTo("length");

        JsonNode whole = TestClient.json(client.post("/generate", "{\"inputs\":\"Shall I compare thee\"}").body());
        assertThat(whole.get("generated_text").asText()).isNotEmpty();
    }

    @Test
    void theThreeRerankersAnswerInTheirOwnShapesBestFirst() {
        JsonNode nim = TestClient.json(client.post("/v1/ranking", "{\"model\":\"r\",\"query\":{\"text\":\"q\"},"
                + "\"passages\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]}").body());
        assertThat(nim.get("rankings")).hasSize(3);
        assertThat(nim.at("/rankings/0/logit").asDouble()).isGreaterThanOrEqualTo(nim.at("/rankings/1/logit").asDouble());

        JsonNode tei = TestClient.json(client.post("/rerank", "{\"query\":\"q\",\"texts\":[\"a\",\"b\"]}").body());
        assertThat(tei.isArray()).isTrue();
        assertThat(tei.get(0).has("score")).isTrue();

        JsonNode cohere = TestClient.json(client.post("/v2/rerank",
                "{\"model\":\"r\",\"query\":\"q\",\"documents\":[\"a\",\"b\"]}").body());
        assertThat(cohere.get("results")).hasSize(2);
        assertThat(cohere.at("/results/0/relevance_score").isNumber()).isTrue();

        HttpResponse<String> noPassages = client.post("/v1/ranking", "{\"query\":{\"text\":\"q\"},\"passages\":[]}");
        assertThat(noPassages.statusCode()).isEqualTo(400);
        assertThat(noPassages.body()).contains("'passages' must be a non-empty array");
    }

    @Test
    void imageGenerationSendsImagesWholeOrAsPartialThenCompletedEvents() {
        JsonNode whole = TestClient.json(client.post("/v1/images/generations",
                "{\"prompt\":\"a cat\",\"n\":2,\"response_format\":\"b64_json\"}").body());
        assertThat(whole.get("data")).hasSize(2);
        assertThat(whole.at("/data/0/b64_json").asText()).isEqualTo(ImageEncoder.PNG_BASE64);

        TestClient.Stream stream = client.stream("/v1/images/generations",
                "{\"prompt\":\"a cat\",\"stream\":true,\"partial_images\":1}");
        assertThat(stream.chunks()).extracting(c -> c.get("type").asText())
                .containsExactly("image_generation.partial_image", "image_generation.completed");
        assertThat(stream.chunks().get(0).get("partial_image_index").asInt()).isZero();
        assertThat(stream.chunks().get(1).has("usage")).isTrue();
    }
}
