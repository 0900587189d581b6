package dev.aiperf.endpoint;

import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ResponseData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the added endpoints read the answers real servers give, beyond what the mock sends. */
class NewEndpointsParsingTests {

    private static ParsedResponse parse(Endpoint endpoint, String text) {
        return endpoint.parseResponse(new InferenceResponse(1L, InferenceResponse.Kind.TEXT, text));
    }

    private static Endpoint endpoint(String type, KeyValue... extras) {
        TestConfig config = new TestConfig();
        config.endpointType = type;
        config.extraInputs.addAll(java.util.List.of(extras));
        return switch (type) {
            case "responses" -> new ResponsesEndpoint(Endpoints.context(type, config.build()));
            case "nim_rankings" -> new NimRankingsEndpoint(Endpoints.context(type, config.build()));
            case "hf_tei_rankings" -> new HfTeiRankingsEndpoint(Endpoints.context(type, config.build()));
            case "huggingface_generate" -> new HuggingFaceGenerateEndpoint(Endpoints.context(type, config.build()));
            case "image_generation" -> new ImageGenerationEndpoint(Endpoints.context(type, config.build()));
            case "template" -> new TemplateEndpoint(Endpoints.context(type, config.build()));
            default -> throw new IllegalArgumentException(type);
        };
    }

    @Test
    void responsesReadsAWholeResponseWithReasoningAndFailsOnAFailedEvent() {
        Endpoint responses = endpoint("responses");
        ParsedResponse whole = parse(responses, "{\"object\":\"response\",\"output\":[{\"type\":\"reasoning\","
                + "\"summary\":[{\"type\":\"summary_text\",\"text\":\"think\"}]},{\"type\":\"message\",\"content\":"
                + "[{\"type\":\"output_text\",\"text\":\"Hello\"},{\"type\":\"output_text\",\"text\":\" world\"}]}],"
                + "\"usage\":{\"input_tokens\":3,\"output_tokens\":5}}");
        assertThat(whole.data()).isEqualTo(new ResponseData.Reasoning("Hello world", "think"));
        assertThat(whole.usage().get("output_tokens").asInt()).isEqualTo(5);

        assertThat(parse(responses, "{\"type\":\"response.created\",\"response\":{}}")).isNull();
        assertThatThrownBy(() -> parse(responses, "{\"type\":\"response.failed\",\"response\":{\"error\":"
                + "{\"message\":\"model overloaded\"}}}")).hasMessageContaining("model overloaded");
        assertThatThrownBy(() -> parse(responses, "{\"choices\":[]}"))
                .hasMessageContaining("response object");
    }

    @Test
    void rankingsAcceptEveryScoreNameAndTeiItsTopLevelList() {
        ParsedResponse nim = parse(endpoint("nim_rankings"),
                "{\"rankings\":[{\"index\":1,\"logit\":2.5},{\"index\":0,\"relevance_score\":0.1}]}");
        assertThat(nim.data()).isEqualTo(new ResponseData.Rankings(java.util.List.of(
                new ResponseData.Ranking(1, 2.5), new ResponseData.Ranking(0, 0.1))));
        ParsedResponse tei = parse(endpoint("hf_tei_rankings"), "[{\"index\":0,\"score\":0.9}]");
        assertThat(((ResponseData.Rankings) tei.data()).rankings()).containsExactly(new ResponseData.Ranking(0, 0.9));
        assertThatThrownBy(() -> parse(endpoint("nim_rankings"), "{\"results\":[]}"))
                .hasMessageContaining("'rankings' list");
    }

    @Test
    void tgiReadsAListAnswerAndSkipsSpecialTokens() {
        Endpoint tgi = endpoint("huggingface_generate");
        assertThat(parse(tgi, "[{\"generated_text\":\"abc\"}]").data()).isEqualTo(new ResponseData.Text("abc"));
        assertThat(parse(tgi, "{\"token\":{\"text\":\"</s>\",\"special\":true}}").data()).isNull();
        assertThatThrownBy(() -> parse(tgi, "{\"error\":\"Input validation error\"}"))
                .hasMessageContaining("Input validation error");
    }

    @Test
    void imageGenerationKeepsPartialIndexesAndUrls() {
        Endpoint images = endpoint("image_generation");
        ParsedResponse partial = parse(images, "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"AA==\","
                + "\"partial_image_index\":0}");
        assertThat(partial.data()).isEqualTo(new ResponseData.Images(java.util.List.of(
                new ResponseData.Image("AA==", null, 0))));
        ParsedResponse urls = parse(images, "{\"data\":[{\"url\":\"https://x/1.png\"},null]}");
        assertThat(urls.data()).isEqualTo(new ResponseData.Images(java.util.List.of(
                new ResponseData.Image(null, "https://x/1.png", null))));
        assertThat(parse(images, "{\"data\":[]}").data()).isNull();
    }

    @Test
    void theTemplateDetectsEmbeddingsRankingsAndTextOrUsesTheResponseField() {
        Endpoint detected = endpoint("template", new KeyValue("payload_template", "nv-embedqa"));
        assertThat(parse(detected, "{\"embeddings\":[[1.0,2.0]]}").data()).isInstanceOf(ResponseData.Embeddings.class);
        assertThat(parse(detected, "{\"results\":[{\"index\":0,\"score\":1}]}").data())
                .isInstanceOf(ResponseData.Rankings.class);
        assertThat(parse(detected, "{\"output\":[\"a\",\"b\"]}").data()).isEqualTo(new ResponseData.Text("ab"));
        assertThat(parse(detected, "{\"choices\":[{\"delta\":{\"reasoning_content\":\"r\"}}]}").data())
                .isEqualTo(new ResponseData.Reasoning(null, "r"));
        assertThat(parse(detected, "plain words").data()).isEqualTo(new ResponseData.Text("plain words"));

        Endpoint field = endpoint("template", new KeyValue("payload_template", "nv-embedqa"),
                new KeyValue("response_field", "result.answer"));
        assertThat(parse(field, "{\"text\":\"not this\",\"result\":{\"answer\":\"this\"}}").data())
                .isEqualTo(new ResponseData.Text("this"));
        assertThatThrownBy(() -> endpoint("template", new KeyValue("payload_template", "nv-embedqa"),
                new KeyValue("response_field", "a[")))
                .hasMessageContaining("response_field:a[ is not a valid JMESPath expression");
    }
}
