package dev.aiperf.records;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.metrics.ActiveMetrics;
import dev.aiperf.metrics.MetricRecordProcessor;
import dev.aiperf.metrics.MetricTags;
import dev.aiperf.metrics.MetricsEnvironment;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TestRecords;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser with the real chat endpoint and the real cl100k_base tokenizer, on an OpenAI-style stream. */
class ChatEndpointParsingTest {
    private static final String CHUNK = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":%s}]}";

    private static InferenceResponse sse(long perfNs, String data) {
        return new InferenceResponse(perfNs, InferenceResponse.Kind.SSE, data);
    }

    @Test
    void streamedChatRecordGetsContentResponsesTokensAndLatencies() {
        BenchmarkConfig config = TestConfigs.builder().build();
        Tokenizer tokenizer = Tokenizers.forName("cl100k_base");
        InferenceResultParser parser = InferenceResultParser.forRun(config, Endpoints.chat(config),
                Endpoints.metadata("chat"), tokenizer);
        RequestRecord raw = new RequestRecord(TestRecords.info(0, 32, CreditPhase.PROFILING), "m", 1_000, 0, 1_000,
                1_010L, 1_100L, 200, List.of(
                sse(1_020, CHUNK.formatted("{\"role\":\"assistant\",\"content\":\"\"}")),
                sse(1_040, CHUNK.formatted("{\"content\":\"Hello\"}")),
                sse(1_060, CHUNK.formatted("{\"content\":\" there, friend\"}")),
                sse(1_080, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}"),
                sse(1_090, "[DONE]")), null, null);

        ParsedResponseRecord parsed = parser.parse(raw);

        assertThat(parsed.request().hasError()).isFalse();
        assertThat(parsed.contentResponses()).hasSize(2);
        assertThat(parsed.tokenCounts().output()).isEqualTo(tokenizer.count("Hello there, friend"));
        assertThat(parsed.tokenCounts().input()).isEqualTo(tokenizer.count("hello world"));
        Map<String, Object> values = new MetricRecordProcessor(ActiveMetrics.forRun(config, Endpoints.metadata("chat"),
                MetricsEnvironment.DEFAULTS)).processRecord(parsed).values();
        assertThat(values).containsEntry(MetricTags.TIME_TO_FIRST_TOKEN, 40L)
                .containsEntry(MetricTags.REQUEST_LATENCY, 60L)
                .containsEntry(MetricTags.USAGE_TOTAL_TOKENS, 13L)
                .containsEntry(MetricTags.REQUESTED_OSL, 32L);
    }

    @Test
    void anUnexpectedObjectTypeBecomesAParseError() {
        BenchmarkConfig config = TestConfigs.builder().build();
        InferenceResultParser parser = InferenceResultParser.forRun(config, Endpoints.chat(config),
                Endpoints.metadata("chat"), Tokenizers.forName("cl100k_base"));
        RequestRecord raw = new RequestRecord(TestRecords.info(0, null, CreditPhase.PROFILING), "m", 1_000, 0, 1_000,
                null, 1_100L, 200, List.of(sse(1_020, "{\"object\":\"text_completion\",\"choices\":[{\"text\":\"x\"}]}")),
                null, null);
        ParsedResponseRecord parsed = parser.parse(raw);
        assertThat(parsed.request().error().type()).isEqualTo(InferenceResultParser.RESPONSE_PARSE_ERROR);
        assertThat(parsed.request().error().message()).startsWith("A response could not be parsed: Unsupported OpenAI object type");
    }

    @Test
    void aMalformedChunkInTheMiddleIsCountedAsAnErrorNotDropped() {
        BenchmarkConfig config = TestConfigs.builder().build();
        InferenceResultParser parser = InferenceResultParser.forRun(config, Endpoints.chat(config),
                Endpoints.metadata("chat"), Tokenizers.forName("cl100k_base"));
        RequestRecord raw = new RequestRecord(TestRecords.info(0, null, CreditPhase.PROFILING), "m", 1_000, 0, 1_000,
                1_010L, 1_100L, 200, List.of(
                sse(1_020, CHUNK.formatted("{\"content\":\"Hello\"}")),
                sse(1_040, "keep-alive, not JSON: dropped as before"),
                sse(1_060, CHUNK.formatted("{\"content\":\"Hel").substring(0, 60)),
                sse(1_090, "[DONE]")), null, null);

        ParsedResponseRecord parsed = parser.parse(raw);

        assertThat(parsed.request().error().type()).isEqualTo(InferenceResultParser.RESPONSE_PARSE_ERROR);
        assertThat(parsed.request().error().message())
                .isEqualTo("A response could not be parsed: The chat endpoint received a response that is not valid JSON");
    }
}
