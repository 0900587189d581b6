package dev.aiperf.records;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.model.Turn;
import dev.aiperf.metrics.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RequestRecord to ParsedResponseRecord (metrics spec §1.1). */
class InferenceResultParserTest {
    private static final WhitespaceTokenizer TOKENIZER = new WhitespaceTokenizer();
    private final InferenceResultParser clientCounts = new InferenceResultParser(
            new JsonLinesEndpoint(TestConfigs.CHAT), TestConfigs.CHAT, TOKENIZER, false);
    private final InferenceResultParser serverCounts = new InferenceResultParser(
            new JsonLinesEndpoint(TestConfigs.CHAT), TestConfigs.CHAT, TOKENIZER, true);

    private static RequestInfo info() {
        Turn history = Turn.ofText("earlier question here", null);
        Turn answer = new Turn(null, "assistant", null, null, null, List.of(new Turn.Text("text", List.of("an answer"))));
        Turn current = Turn.ofText("what now", 16);
        Conversation conversation = new Conversation("conv-1", List.of(history, current), "you are terse", "ctx words");
        return new RequestInfo(conversation, List.of(history, answer, current), 1, 7, CreditPhase.PROFILING, "req", "corr", 0);
    }

    private static RequestRecord record(long start, Long end, ErrorDetails error, Object... timesAndTexts) {
        List<InferenceResponse> responses = new ArrayList<>();
        for (int i = 0; i < timesAndTexts.length; i += 2) {
            responses.add(new InferenceResponse((Long) timesAndTexts[i], InferenceResponse.Kind.SSE, (String) timesAndTexts[i + 1]));
        }
        return new RequestRecord(info(), "m", 1_000, 0, start, null, end, error == null ? 200 : 500, responses, error, null);
    }

    @Test
    void parsesContentAndCountsTokensOnOurSide() {
        ParsedResponseRecord parsed = clientCounts.parse(record(100, null, null,
                110L, "{\"reasoning\":\"let me think\"}",
                120L, "{\"content\":\"Hello \"}",
                130L, "{\"content\":\"big world\"}",
                140L, "{\"usage\":{\"prompt_tokens\":3}}",
                150L, "[DONE]"));
        assertThat(parsed.request().hasError()).isFalse();
        assertThat(parsed.responses()).hasSize(4);
        assertThat(parsed.contentResponses()).hasSize(3);
        // input: system, user context, then every turn's texts, joined by one space
        // "you are terse" + "ctx words" + "earlier question here" + "an answer" + "what now" = 3 + 2 + 3 + 2 + 2
        // output: "Hello " + "big world" concatenated = "Hello big world" = 3; reasoning: 3
        assertThat(parsed.tokenCounts()).isEqualTo(new TokenCounts(12, 3, 3));
    }

    @Test
    void concatenatesOutputWithoutASeparatorBeforeCounting() {
        ParsedResponseRecord parsed = clientCounts.parse(record(100, null, null,
                110L, "{\"content\":\"Hel\"}", 120L, "{\"content\":\"lo world\"}"));
        assertThat(parsed.tokenCounts().output()).as("'Hello world', not 'Hel lo world'").isEqualTo(2);
        assertThat(parsed.tokenCounts().reasoning()).isNull();
    }

    @Test
    void serverCountsComeFromTheLastUsage() {
        ParsedResponseRecord parsed = serverCounts.parse(record(100, null, null,
                110L, "{\"content\":\"a\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}",
                120L, "{\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":25,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":10}}}"));
        assertThat(parsed.tokenCounts()).isEqualTo(new TokenCounts(40, 15, 10));
    }

    @Test
    void serverCountsClampOutputAtZeroAndFallBackToResponsesApiNames() {
        ParsedResponseRecord parsed = serverCounts.parse(record(100, null, null,
                110L, "{\"content\":\"a\",\"usage\":{\"input_tokens\":9,\"output_tokens\":2,"
                        + "\"output_tokens_details\":{\"reasoning_tokens\":5}}}"));
        assertThat(parsed.tokenCounts()).isEqualTo(new TokenCounts(9, 0, 5));
    }

    @Test
    void noContentBecomesAnInvalidInferenceResultError() {
        ParsedResponseRecord parsed = clientCounts.parse(record(100, null, null,
                110L, "{\"usage\":{\"prompt_tokens\":3}}", 120L, "[DONE]"));
        ErrorDetails error = parsed.request().error();
        assertThat(error.code()).isNull();
        assertThat(error.type()).isEqualTo("InvalidInferenceResultError");
        assertThat(error.message()).isEqualTo("InvalidInferenceResultError('Invalid inference result: No responses with "
                + "actual content were received from the server (only usage/metadata, null/empty data, or [DONE] markers)')");
        assertThat(parsed.responses()).isEmpty();
        assertThat(parsed.tokenCounts()).isEqualTo(new TokenCounts(12, null, null));
    }

    @Test
    void noResponsesAtAllIsInvalidToo() {
        ParsedResponseRecord parsed = clientCounts.parse(record(100, 200L, null));
        assertThat(parsed.request().error().message()).contains("No responses with actual content");
    }

    @Test
    void badTimestampsAreNamedInTheNotes() {
        ParsedResponseRecord parsed = clientCounts.parse(record(-5, null, null,
                0L, "{\"content\":\"a\"}", 20L, "{\"content\":\"b\"}"));
        assertThat(parsed.request().error().message()).isEqualTo("InvalidInferenceResultError('Invalid inference result: "
                + "Start perf ns timestamp is invalid: -5, Response 0 perf ns timestamp is invalid: 0')");
    }

    @Test
    void anEndBeforeTheStartIsNamedRatherThanLeftBlank() {
        ParsedResponseRecord parsed = clientCounts.parse(record(100, 90L, null, 95L, "{\"content\":\"a\"}"));
        assertThat(parsed.request().error().message()).isEqualTo("InvalidInferenceResultError('Invalid inference result: "
                + "End perf ns timestamp 90 is not after the start perf ns timestamp 100')");
    }

    @Test
    void aResponseTheEndpointRejectsTurnsTheRecordIntoAnError() {
        ParsedResponseRecord parsed = clientCounts.parse(record(100, null, null,
                110L, "{\"content\":\"a\"}", 120L, "{\"object\":\"weird\"}"));
        assertThat(parsed.request().error()).isEqualTo(new ErrorDetails(null, InferenceResultParser.RESPONSE_PARSE_ERROR,
                "A response could not be parsed: unexpected object 'weird'"));
        assertThat(parsed.responses()).isEmpty();
        assertThat(parsed.tokenCounts()).isEqualTo(new TokenCounts(12, null, null));
    }

    @Test
    void failedRequestsKeepTheirErrorAndOnlyTheInputCount() {
        ErrorDetails http500 = new ErrorDetails(500, "Internal Server Error", "{\"error\":\"boom\"}");
        ParsedResponseRecord parsed = serverCounts.parse(record(100, 120L, http500));
        assertThat(parsed.request().error()).isSameAs(http500);
        assertThat(parsed.tokenCounts()).isEqualTo(new TokenCounts(12, null, null));
        assertThat(parsed.responses()).isEmpty();
    }

    @Test
    void endpointsThatNeitherTokenizeNorProduceTokensCountNothing() {
        var imageRetrieval = new dev.aiperf.api.endpoint.EndpointMetadata("/v1/infer", null, false, false, false, true,
                false, "Image Retrieval Metrics", "openai");
        InferenceResultParser parser = new InferenceResultParser(new JsonLinesEndpoint(imageRetrieval), imageRetrieval,
                null, false);
        assertThat(parser.parse(record(100, null, null, 110L, "{\"content\":\"a\"}")).tokenCounts())
                .isEqualTo(TokenCounts.NONE);
    }

    @Test
    void embeddingsCountInputOnly() {
        InferenceResultParser parser = new InferenceResultParser(new JsonLinesEndpoint(TestConfigs.EMBEDDINGS),
                TestConfigs.EMBEDDINGS, TOKENIZER, false);
        assertThat(parser.parse(record(100, null, null, 110L, "{\"content\":\"vector\"}")).tokenCounts())
                .isEqualTo(new TokenCounts(12, null, null));
    }
}
