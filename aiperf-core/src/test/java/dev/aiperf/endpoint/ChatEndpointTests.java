package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatEndpointTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode payload(TestConfig config, Turn turn) {
        return Endpoints.chat(config.build()).formatPayload(Requests.single(turn));
    }

    private static ParsedResponse parse(String text) {
        return Endpoints.chat(new TestConfig().build())
                .parseResponse(new InferenceResponse(123, InferenceResponse.Kind.SSE, text));
    }

    @Test
    void syntheticTurnIsOneMessageWithTheNameKeyAndNoMaxTokens() {
        Turn turn = new Turn(null, null, null, null, null, List.of(new Turn.Text("text", List.of("Hello"))));

        assertThat(payload(new TestConfig(), turn).toString()).isEqualTo(
                "{\"messages\":[{\"role\":\"user\",\"name\":\"text\",\"content\":\"Hello\"}],"
                        + "\"model\":\"test-model\",\"stream\":false}");
    }

    @Test
    void maxTokensUseMaxCompletionTokensUnlessLegacyIsAsked() {
        Turn turn = Turn.ofText("Hi", 128);
        TestConfig legacy = new TestConfig();
        legacy.useLegacyMaxTokens = true;

        assertThat(payload(new TestConfig(), turn).get("max_completion_tokens").asInt()).isEqualTo(128);
        assertThat(payload(new TestConfig(), turn).has("max_tokens")).isFalse();
        assertThat(payload(legacy, turn).get("max_tokens").asInt()).isEqualTo(128);
        assertThat(payload(legacy, turn).has("max_completion_tokens")).isFalse();
    }

    @Test
    void extrasAreMergedLastAndOverrideGeneratedKeys() {
        TestConfig config = new TestConfig();
        config.extraInputs.add(new KeyValue("ignore_eos", true));
        config.extraInputs.add(new KeyValue("model", "override"));
        config.extraInputs.add(new KeyValue("nested", Map.of("a", List.of(1, 2))));

        ObjectNode payload = payload(config, Turn.ofText("Hi", 10));

        assertThat(payload.get("model").asText()).isEqualTo("override");
        assertThat(payload.get("ignore_eos").asBoolean()).isTrue();
        assertThat(payload.get("nested").toString()).isEqualTo("{\"a\":[1,2]}");
        assertThat(payload.properties()).extracting(Map.Entry::getKey)
                .containsExactly("messages", "model", "stream", "max_completion_tokens", "ignore_eos", "nested");
    }

    @Test
    void streamOptionsAreAddedOnlyWhenStreamingWithServerTokenCounts() {
        TestConfig streamingServerCounts = new TestConfig();
        streamingServerCounts.streaming = true;
        streamingServerCounts.useServerTokenCount = true;
        TestConfig notStreaming = new TestConfig();
        notStreaming.useServerTokenCount = true;

        assertThat(payload(streamingServerCounts, Turn.ofText("Hi", null)).get("stream_options").toString())
                .isEqualTo("{\"include_usage\":true}");
        assertThat(payload(streamingServerCounts, Turn.ofText("Hi", null)).get("stream").asBoolean()).isTrue();
        assertThat(payload(notStreaming, Turn.ofText("Hi", null)).has("stream_options")).isFalse();
    }

    @Test
    void streamOptionsFromExtrasGainIncludeUsageOnlyWhenAbsent() {
        TestConfig config = new TestConfig();
        config.streaming = true;
        config.useServerTokenCount = true;
        config.extraInputs.add(new KeyValue("stream_options", Map.of("continuous_usage_stats", true)));
        TestConfig explicit = new TestConfig();
        explicit.streaming = true;
        explicit.useServerTokenCount = true;
        explicit.extraInputs.add(new KeyValue("stream_options", Map.of("include_usage", false)));

        assertThat(payload(config, Turn.ofText("Hi", null)).get("stream_options").toString())
                .isEqualTo("{\"continuous_usage_stats\":true,\"include_usage\":true}");
        assertThat(payload(explicit, Turn.ofText("Hi", null)).get("stream_options").toString())
                .isEqualTo("{\"include_usage\":false}");
    }

    @Test
    void systemPromptAndUserContextLeadEveryRequestThenTheHistory() {
        Turn first = Turn.ofText("Q1", null);
        Turn answer = new Turn(null, "assistant", null, null, null, List.of(new Turn.Text("", List.of("A1"))));
        Turn second = new Turn("other-model", null, null, null, 5, List.of(new Turn.Text("text", List.of("Q2"))));
        Conversation conversation = new Conversation("s", List.of(first, second), "SYS", "CTX");

        ObjectNode payload = Endpoints.chat(new TestConfig().build())
                .formatPayload(Requests.of(conversation, List.of(first, answer, second)));

        assertThat(payload.get("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"SYS\"},"
                + "{\"role\":\"user\",\"content\":\"CTX\"},"
                + "{\"role\":\"user\",\"name\":\"text\",\"content\":\"Q1\"},"
                + "{\"role\":\"assistant\",\"name\":\"\",\"content\":\"A1\"},"
                + "{\"role\":\"user\",\"name\":\"text\",\"content\":\"Q2\"}]");
        assertThat(payload.get("model").asText()).isEqualTo("other-model");
        assertThat(payload.get("max_completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void severalTextsBecomeTextPartsSkippingEmptyOnes() {
        Turn batch = new Turn(null, null, null, null, null,
                List.of(new Turn.Text("text", List.of("one", "", "two")), new Turn.Text("q", List.of("three"))));

        assertThat(payload(new TestConfig(), batch).get("messages").get(0).toString()).isEqualTo(
                "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"one\"},"
                        + "{\"type\":\"text\",\"text\":\"two\"},{\"type\":\"text\",\"text\":\"three\"}]}");
    }

    @Test
    void mediaTurnsBecomeOpenAiContentPartsInTheOriginalsOrder() {
        Turn turn = new Turn(null, null, null, null, null, List.of(new Turn.Text("text", List.of("What is this?"))),
                List.of(new Turn.Media("image_url", List.of("data:image/png;base64,iVBO", "", "https://x/cat.jpg"))),
                List.of(new Turn.Media("input_audio", List.of("wav,UklGRg=="))),
                List.of(new Turn.Media("video_url", List.of("data:video/mp4;base64,AAAA"))));

        assertThat(payload(new TestConfig(), turn).get("messages").get(0).toString()).isEqualTo(
                "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBO\"}},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/cat.jpg\"}},"
                        + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\",\"format\":\"wav\"}},"
                        + "{\"type\":\"video_url\",\"video_url\":{\"url\":\"data:video/mp4;base64,AAAA\"}}]}");
    }

    @Test
    void aMediaOnlyTurnHasNoTextPartAndAudioWithoutAFormatIsRejected() {
        Turn imageOnly = new Turn(null, null, null, null, null, List.of(),
                List.of(new Turn.Media("", List.of("https://x/a.png"))), List.of(), List.of());
        Turn badAudio = new Turn(null, null, null, null, null, List.of(), List.of(),
                List.of(new Turn.Media("", List.of("UklGRg=="))), List.of());

        assertThat(payload(new TestConfig(), imageOnly).get("messages").get(0).toString()).isEqualTo(
                "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/a.png\"}}]}");
        assertThatThrownBy(() -> payload(new TestConfig(), badAudio))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'format,b64_audio'");
    }

    @Test
    void streamingChunkWithContentIsText() {
        ParsedResponse parsed = parse("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Hel\"}}]}");

        assertThat(parsed.perfNs()).isEqualTo(123);
        assertThat(parsed.data()).isEqualTo(new ResponseData.Text("Hel"));
        assertThat(parsed.usage()).isNull();
    }

    @Test
    void reasoningContentAndTheReasoningFallbackAreReasoningData() {
        assertThat(parse("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"role\":\"assistant\","
                + "\"reasoning_content\":\"think\"}}]}").data()).isEqualTo(new ResponseData.Reasoning(null, "think"));
        assertThat(parse("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"x\","
                + "\"reasoning\":\"r\"}}]}").data()).isEqualTo(new ResponseData.Reasoning("x", "r"));
    }

    @Test
    void roleOnlyEmptyAndUsageOnlyChunksHaveNoData() {
        ParsedResponse roleOnly = parse("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":"
                + "{\"role\":\"assistant\",\"content\":\"\"}}]}");
        ParsedResponse usageOnly = parse("{\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}");

        assertThat(roleOnly.hasContent()).isFalse();
        assertThat(usageOnly.hasContent()).isFalse();
        assertThat(usageOnly.usage().get("completion_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void doneEmptyAndNonJsonResponsesAreDropped() {
        assertThat(parse("[DONE]")).isNull();
        assertThat(parse("")).isNull();
        assertThat(parse("not json at all")).isNull();
    }

    @Test
    void nonStreamingCompletionReadsTheMessageAndUsage() throws Exception {
        String body = JSON.writeValueAsString(Map.of("object", "chat.completion",
                "choices", List.of(Map.of("message", Map.of("role", "assistant", "content", "Hello there"))),
                "usage", Map.of("prompt_tokens", 3)));

        ParsedResponse parsed = parse(body);

        assertThat(parsed.data()).isEqualTo(new ResponseData.Text("Hello there"));
        assertThat(parsed.usage().get("prompt_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void otherObjectTypesAndNonObjectsAreErrors() {
        assertThatThrownBy(() -> parse("{\"object\":\"text_completion\",\"choices\":[{\"text\":\"x\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported OpenAI object type 'text_completion'")
                .hasMessageContaining("chat.completion.chunk");
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void metadataMatchesTheBuiltInManifest() {
        assertThat(Endpoints.metadata("chat").endpointPath()).isEqualTo("/v1/chat/completions");
        assertThat(Endpoints.metadata("chat").supportsStreaming()).isTrue();
        assertThat(Endpoints.metadata("chat").producesTokens()).isTrue();
        assertThat(Endpoints.metadata("chat").metricsTitle()).isEqualTo("LLM Metrics");
    }
}
