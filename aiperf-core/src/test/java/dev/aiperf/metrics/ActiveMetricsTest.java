package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.record.MetricFlag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.aiperf.metrics.MetricTags.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which metrics a run computes (metrics spec §1.3) and in which order (§1.2). */
class ActiveMetricsTest {

    private static Set<String> active(BenchmarkConfig config, dev.aiperf.api.endpoint.EndpointMetadata endpoint,
                                      MetricsEnvironment environment) {
        ActiveMetrics metrics = ActiveMetrics.forRun(config, endpoint, environment);
        return MetricCatalog.definitions().stream().map(MetricDefinition::tag).filter(metrics::isActive)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void streamingChatComputesTheLlmMetrics() {
        Set<String> tags = active(TestConfigs.builder().build(), TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);
        assertThat(tags).contains(TIME_TO_FIRST_TOKEN, TIME_TO_SECOND_TOKEN, TIME_TO_FIRST_OUTPUT_TOKEN, REQUEST_LATENCY,
                INTER_TOKEN_LATENCY, INTER_CHUNK_LATENCY, OUTPUT_TOKEN_THROUGHPUT_PER_USER, PREFILL_THROUGHPUT_PER_USER,
                OUTPUT_SEQUENCE_LENGTH, INPUT_SEQUENCE_LENGTH, ERROR_ISL, REQUEST_COUNT, ERROR_REQUEST_COUNT,
                BENCHMARK_DURATION, REQUEST_THROUGHPUT, OUTPUT_TOKEN_THROUGHPUT, TOTAL_TOKEN_THROUGHPUT,
                USAGE_PROMPT_TOKENS_DIFF_PCT, USAGE_DISCREPANCY_COUNT, OSL_MISMATCH_COUNT, CREDIT_DROP_LATENCY);
        assertThat(tags).doesNotContain(GOOD_REQUEST_COUNT, GOODPUT, STREAM_SETUP_LATENCY, THINKING_EFFICIENCY);
    }

    @Test
    void nonStreamingDisablesStreamingOnlyMetrics() {
        Set<String> tags = active(TestConfigs.builder().streaming(false).build(), TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);
        assertThat(tags).doesNotContain(TIME_TO_FIRST_TOKEN, TIME_TO_SECOND_TOKEN, TIME_TO_FIRST_OUTPUT_TOKEN,
                INTER_TOKEN_LATENCY, INTER_CHUNK_LATENCY, OUTPUT_TOKEN_THROUGHPUT_PER_USER, PREFILL_THROUGHPUT_PER_USER);
        assertThat(tags).contains(REQUEST_LATENCY, OUTPUT_SEQUENCE_LENGTH, INPUT_SEQUENCE_LENGTH, OUTPUT_TOKEN_THROUGHPUT);
        MetricCatalog.definitions().stream().filter(d -> d.hasFlag(MetricFlag.STREAMING_ONLY))
                .forEach(d -> assertThat(tags).doesNotContain(d.tag()));
    }

    @Test
    void embeddingsDisableTokenMetrics() {
        BenchmarkConfig config = TestConfigs.builder().type("embeddings").streaming(false).build();
        Set<String> tags = active(config, TestConfigs.EMBEDDINGS, MetricsEnvironment.DEFAULTS);
        assertThat(tags).contains(REQUEST_LATENCY, INPUT_SEQUENCE_LENGTH, REQUEST_THROUGHPUT, REQUEST_COUNT, TOTAL_ISL);
        MetricCatalog.definitions().stream().filter(d -> d.hasFlag(MetricFlag.PRODUCES_TOKENS_ONLY))
                .forEach(d -> assertThat(tags).as(d.tag()).doesNotContain(d.tag()));
        assertThat(tags).doesNotContain(OUTPUT_SEQUENCE_LENGTH, OUTPUT_TOKEN_THROUGHPUT, TOTAL_TOKEN_THROUGHPUT);
    }

    @Test
    void embeddingRecordsGetLatencyAndInputLengthOnly() {
        BenchmarkConfig config = TestConfigs.builder().type("embeddings").streaming(false).build();
        MetricRecordProcessor processor = new MetricRecordProcessor(
                ActiveMetrics.forRun(config, TestConfigs.EMBEDDINGS, MetricsEnvironment.DEFAULTS));
        var record = TestRecords.withCounts(TestRecords.parsed(100, 150), new TokenCounts(12, null, null));
        assertThat(processor.processRecord(record).values().keySet()).containsExactlyInAnyOrder(REQUEST_LATENCY,
                INPUT_SEQUENCE_LENGTH, REQUEST_COUNT, MIN_REQUEST_TIMESTAMP, MAX_RESPONSE_TIMESTAMP);
    }

    @Test
    void serverTokenCountsDisableTheUsageComparison() {
        Set<String> tags = active(TestConfigs.builder().useServerTokenCount(true).build(), TestConfigs.CHAT,
                MetricsEnvironment.DEFAULTS);
        assertThat(tags).doesNotContain(USAGE_PROMPT_TOKENS_DIFF_PCT, USAGE_COMPLETION_TOKENS_DIFF_PCT,
                USAGE_REASONING_TOKENS_DIFF_PCT, USAGE_DISCREPANCY_COUNT);
        assertThat(tags).contains(USAGE_PROMPT_TOKENS, TOTAL_USAGE_PROMPT_TOKENS);
    }

    @Test
    void devModeComputesExperimentalMetrics() {
        MetricsEnvironment dev = MetricsEnvironment.from(Map.of("AIPERF_DEV_MODE", "1"));
        assertThat(active(TestConfigs.builder().build(), TestConfigs.CHAT, dev))
                .contains(STREAM_SETUP_LATENCY, STREAM_PREFILL_LATENCY, THINKING_EFFICIENCY, OVERALL_THINKING_EFFICIENCY);
        assertThat(dev.showExperimental()).isFalse();
        assertThat(MetricsEnvironment.from(Map.of("AIPERF_DEV_SHOW_EXPERIMENTAL_METRICS", "1")).showExperimental())
                .as("forced off outside dev mode").isFalse();
    }

    @Test
    void goodputEnablesTheGoodputMetricsWithTheSloTagsAsRequirements() {
        BenchmarkConfig config = TestConfigs.builder().goodput(Map.of(TIME_TO_FIRST_TOKEN, 100.0)).build();
        ActiveMetrics metrics = ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);
        assertThat(metrics.metric(GOOD_REQUEST_COUNT).definition().requires()).containsExactly(TIME_TO_FIRST_TOKEN);
        assertThat(metrics.isActive(GOODPUT)).isTrue();
    }

    @Test
    void everyMetricComesAfterWhatItRequires() {
        ActiveMetrics metrics = ActiveMetrics.forRun(TestConfigs.builder().goodput(Map.of(INTER_TOKEN_LATENCY, 5.0)).build(),
                TestConfigs.CHAT, MetricsEnvironment.from(Map.of("AIPERF_DEV_MODE", "1")));
        List<String> order = new java.util.ArrayList<>(metrics.perRecord().stream().map(Metric::tag).toList());
        order.addAll(metrics.derived().stream().map(Metric::tag).toList());
        for (String tag : order) {
            for (String required : metrics.metric(tag).definition().requires()) {
                assertThat(order.indexOf(required)).as(tag + " after " + required).isLessThan(order.indexOf(tag));
            }
        }
    }

    @Test
    void dependencyCyclesAndBadKindsAreRejected() {
        Metric a = MetricBuilder.metric("a", "A", null).unit("ns").requires("b").record(in -> 1L);
        Metric b = MetricBuilder.metric("b", "B", null).unit("ns").requires("a").record(in -> 1L);
        assertThatThrownBy(() -> DependencyOrder.sort(List.of(a, b))).hasMessageContaining("cycle");
        Metric derived = MetricBuilder.metric("d", "D", null).unit("ns").derived(run -> 1L);
        Metric record = MetricBuilder.metric("r", "R", null).unit("ns").requires("d").record(in -> 1L);
        assertThatThrownBy(() -> DependencyOrder.sort(List.of(derived, record))).hasMessageContaining("cannot require");
    }

    @Test
    void catalogueMatchesTheSpecTable() {
        assertThat(MetricCatalog.definition(TIME_TO_FIRST_TOKEN).orElseThrow()).satisfies(d -> {
            assertThat(d.header()).isEqualTo("Time to First Token");
            assertThat(d.unit()).isEqualTo("ns");
            assertThat(d.displayUnit()).isEqualTo("ms");
            assertThat(d.displayOrder()).isEqualTo(100);
            assertThat(d.flags()).containsExactlyInAnyOrder(MetricFlag.STREAMING_ONLY, MetricFlag.PRODUCES_TOKENS_ONLY);
        });
        assertThat(MetricCatalog.definition(GOOD_REQUEST_COUNT).orElseThrow().header()).isEqualTo("GoodRequestCount");
        assertThat(MetricCatalog.definition(USAGE_PROMPT_TOKENS_DIFF_PCT).orElseThrow().header()).isEqualTo("Usage Prompt Diff");
        assertThat(MetricCatalog.definition(BENCHMARK_DURATION).orElseThrow().displayUnit()).isEqualTo("sec");
        assertThat(MetricCatalog.definition(TOTAL_USAGE_PROMPT_TOKENS).orElseThrow().flags())
                .as("inherits its source's flags").containsExactlyInAnyOrder(MetricFlag.TOKENIZES_INPUT_ONLY,
                        MetricFlag.LARGER_IS_BETTER, MetricFlag.NO_CONSOLE);
        assertThat(MetricCatalog.definition(TOTAL_REASONING_TOKENS).orElseThrow().flags())
                .doesNotContain(MetricFlag.SUPPORTS_REASONING);
        // the spec's 66 metrics minus 2 video and 14 HTTP-trace metrics, plus the 2026 total_num_images and
        // image_samples_per_second (see docs/metrics.md)
        assertThat(MetricCatalog.definitions()).hasSize(52);
    }
}
