package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ResponseData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming reading of chat and completions responses: the same answers the tree reading gave, from
 * received bytes (a slice of a larger array, as the transport hands them over).
 */
class ResponseFieldsTests {

    private static final ChatEndpoint CHAT = Endpoints.chat(new TestConfig().build());
    private static final CompletionsEndpoint COMPLETIONS = Endpoints.completions(new TestConfig().build());

    /** The text as bytes in the middle of a larger array, with noise on both sides. */
    private static InferenceResponse received(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] shared = new byte[utf8.length + 20];
        java.util.Arrays.fill(shared, (byte) '}');
        System.arraycopy(utf8, 0, shared, 10, utf8.length);
        return InferenceResponse.ofUtf8(5, InferenceResponse.Kind.SSE, shared, 10, utf8.length);
    }

    private static ParsedResponse chat(String text) {
        return CHAT.parseResponse(received(text));
    }

    @Test
    void aChunkReadFromBytesGivesItsContentAndStamp() {
        ParsedResponse parsed = chat("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"caf\u00e9 \u4e2d\ud83d\ude00\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}");

        assertThat(parsed.perfNs()).isEqualTo(5);
        assertThat(parsed.data()).isEqualTo(new ResponseData.Text("caf\u00e9 \u4e2d\ud83d\ude00"));
    }

    @Test
    void fieldOrderDoesNotMatterAndOnlyTheFirstChoiceCounts() {
        ParsedResponse parsed = chat("{\"choices\":[{\"delta\":{\"nested\":{\"content\":\"no\"},\"content\":\"yes\"}},"
                + "{\"delta\":{\"content\":\"second\"}}],\"object\":\"chat.completion.chunk\"}");

        assertThat(parsed.data()).isEqualTo(new ResponseData.Text("yes"));
    }

    @Test
    void aKeyGivenTwiceCountsWithItsLastValueLikeATree() {
        assertThat(chat("{\"object\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":"
                + "{\"content\":\"a\",\"content\":\"b\"}}]}").data()).isEqualTo(new ResponseData.Text("b"));
    }

    @Test
    void aUsageOnlyFinalChunkHasUsageAndNoData() throws Exception {
        ParsedResponse parsed = chat("{\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":2}}}");

        assertThat(parsed.hasContent()).isFalse();
        assertThat(parsed.usage()).isEqualTo(new ObjectMapper().readTree("{\"prompt_tokens\":5,"
                + "\"completion_tokens\":7,\"completion_tokens_details\":{\"reasoning_tokens\":2}}"));
        assertThat(chat("{\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{}}").usage()).isNull();
        assertThat(chat("{\"object\":\"chat.completion.chunk\",\"usage\":null}").usage()).isNull();
    }

    @Test
    void doneAndBlankResponsesAreDroppedEvenWithSpaces() {
        assertThat(chat("  [DONE] \n")).isNull();
        assertThat(chat(" \t ")).isNull();
        assertThat(chat("not json at all")).isNull();
    }

    @Test
    void malformedJsonFailsItsRequestInsteadOfVanishing() {
        assertThatThrownBy(() -> chat("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]"))
                .isInstanceOf(IllegalArgumentException.class)
                // one message for every broken chunk (the cause keeps the details): the error summary groups by it
                .hasMessage("The chat endpoint received a response that is not valid JSON")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> chat("{\"object\": chat}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> COMPLETIONS.parseResponse(received("[{\"text\":")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNonTextContentIsAnErrorOnlyWhereItIsRead() {
        assertThatThrownBy(() -> chat("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":[1,2]}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected 'content' to be a string but got array: [1,2]");
        // the chunk reads delta: a broken message beside it does not matter
        assertThat(chat("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"message\":{\"content\":5},"
                + "\"delta\":{\"content\":\"ok\"}}]}").data()).isEqualTo(new ResponseData.Text("ok"));
    }

    @Test
    void objectTypesThatAreNotStringsReadAsTheirText() {
        assertThatThrownBy(() -> chat("{\"object\":12,\"choices\":[]}")).hasMessageContaining("object type '12'");
        assertThatThrownBy(() -> chat("{\"choices\":[]}")).hasMessageContaining("object type 'null'");
        assertThatThrownBy(() -> chat("\"text\"")).hasMessageContaining("expected a JSON object")
                .hasMessageContaining("got string");
    }

    @Test
    void completionsReadTheFirstChoiceText() {
        ParsedResponse parsed = COMPLETIONS.parseResponse(received("{\"object\":\"text_completion\",\"choices\":"
                + "[{\"text\":\"hi\",\"index\":0}],\"usage\":{\"completion_tokens\":1}}"));

        assertThat(parsed.data()).isEqualTo(new ResponseData.Text("hi"));
        assertThat(parsed.usage().get("completion_tokens").asInt()).isEqualTo(1);
        assertThat(COMPLETIONS.parseResponse(received("{\"object\":\"completion\",\"choices\":[\"odd\"]}")).hasContent())
                .isFalse();
    }
}
