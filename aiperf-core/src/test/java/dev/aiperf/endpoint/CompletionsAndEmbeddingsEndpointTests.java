package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompletionsAndEmbeddingsEndpointTests {

    private static final Turn BATCH = new Turn(null, null, null, null, 128,
            List.of(new Turn.Text("text", List.of("a", "", "b"))));

    private static InferenceResponse text(String body) {
        return new InferenceResponse(7, InferenceResponse.Kind.TEXT, body);
    }

    @Test
    void completionsPromptIsTheListOfNonEmptyTextsWithMaxTokensAndExtras() {
        TestConfig config = new TestConfig();
        config.streaming = true;
        config.useServerTokenCount = true;
        config.extraInputs.add(new KeyValue("temperature", 0.5));

        ObjectNode payload = Endpoints.completions(config.build()).formatPayload(Requests.single(BATCH));

        assertThat(payload.toString()).isEqualTo("{\"prompt\":[\"a\",\"b\"],\"model\":\"test-model\",\"stream\":true,"
                + "\"max_tokens\":128,\"temperature\":0.5,\"stream_options\":{\"include_usage\":true}}");
    }

    @Test
    void completionsSendNoMaxTokensWhenZeroAndIgnoreSystemPrompts() {
        Turn turn = Turn.ofText("p", 0);
        Conversation conversation = new Conversation("s", List.of(turn), "SYS", "CTX");

        ObjectNode payload = Endpoints.completions(new TestConfig().build())
                .formatPayload(Requests.of(conversation, List.of(turn)));

        assertThat(payload.toString()).isEqualTo("{\"prompt\":[\"p\"],\"model\":\"test-model\",\"stream\":false}");
    }

    @Test
    void completionsRefuseAMultiTurnHistory() {
        Turn first = Turn.ofText("1", null);
        Conversation conversation = new Conversation("s", List.of(first, first), null, null);

        assertThatThrownBy(() -> Endpoints.completions(new TestConfig().build())
                .formatPayload(Requests.of(conversation, List.of(first, first, first))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one prompt").hasMessageContaining("3 turns");
    }

    @Test
    void completionsParseTextAndRejectOtherObjects() {
        CompletionsEndpoint endpoint = Endpoints.completions(new TestConfig().build());

        ParsedResponse chunk = endpoint.parseResponse(text("{\"object\":\"text_completion\",\"choices\":[{\"text\":\"hi\"}]}"));
        ParsedResponse usage = endpoint.parseResponse(text("{\"object\":\"text_completion\",\"choices\":[],"
                + "\"usage\":{\"completion_tokens\":4}}"));

        assertThat(chunk.data()).isEqualTo(new ResponseData.Text("hi"));
        assertThat(usage.hasContent()).isFalse();
        assertThat(usage.usage().get("completion_tokens").asInt()).isEqualTo(4);
        assertThat(endpoint.parseResponse(text("[DONE]"))).isNull();
        assertThatThrownBy(() -> endpoint.parseResponse(text("{\"object\":\"chat.completion\",\"choices\":[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chat.completion'");
    }

    @Test
    void embeddingsPayloadHasModelInputAndExtrasButNoStreamOrMaxTokens() {
        TestConfig config = new TestConfig();
        config.streaming = true;
        config.extraInputs.add(new KeyValue("encoding_format", "float"));

        Turn texts = new Turn(null, null, null, null, null, BATCH.texts());

        ObjectNode payload = Endpoints.embeddings(config.build()).formatPayload(Requests.single(texts));

        assertThat(payload.toString())
                .isEqualTo("{\"model\":\"test-model\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"float\"}");
    }

    @Test
    void embeddingsParseVectorsAndRejectOtherShapes() {
        EmbeddingsEndpoint endpoint = Endpoints.embeddings(new TestConfig().build());

        ParsedResponse parsed = endpoint.parseResponse(text("{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.5,-1]},"
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[2]}],\"usage\":{\"prompt_tokens\":2}}"));

        ResponseData.Embeddings embeddings = (ResponseData.Embeddings) parsed.data();
        assertThat(embeddings.embeddings()).hasSize(2);
        assertThat(embeddings.embeddings().get(0)).containsExactly(0.5f, -1f);
        assertThat(parsed.usage().get("prompt_tokens").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> endpoint.parseResponse(text("{\"data\":[{\"object\":\"other\",\"embedding\":[1]}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"object\": \"embedding\"");
        assertThatThrownBy(() -> endpoint.parseResponse(text("{\"result\":1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'data' list");
    }

    @Test
    void metadataMatchesTheBuiltInManifest() {
        assertThat(Endpoints.metadata("completions").endpointPath()).isEqualTo("/v1/completions");
        assertThat(Endpoints.metadata("embeddings").endpointPath()).isEqualTo("/v1/embeddings");
        assertThat(Endpoints.metadata("embeddings").supportsStreaming()).isFalse();
        assertThat(Endpoints.metadata("embeddings").producesTokens()).isFalse();
        assertThat(Endpoints.metadata("embeddings").metricsTitle()).isEqualTo("Embeddings Metrics");
    }
}
