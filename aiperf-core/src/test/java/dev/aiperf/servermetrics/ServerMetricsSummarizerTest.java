package dev.aiperf.servermetrics;

import dev.aiperf.api.telemetry.ServerMetric;
import dev.aiperf.api.telemetry.ServerMetricSeries;
import dev.aiperf.api.telemetry.ServerMetricTimeslice;
import dev.aiperf.api.telemetry.ServerMetricsResults;
import dev.aiperf.prometheus.PrometheusTextParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServerMetricsSummarizerTest {
    private static final long S = 1_000_000_000L;
    private static final String URL = "http://127.0.0.1:8000/metrics";

    private static void scrape(EndpointScrapes endpoint, long time, String text) {
        endpoint.add(time, 1_000_000, text.hashCode(), PrometheusTextParser.parse(text).families());
    }

    private static String page(double running, double tokens, double le1, double le2, double inf, double sum) {
        return """
                # HELP vllm:num_requests_running Running.
                # TYPE vllm:num_requests_running gauge
                vllm:num_requests_running{engine="0"} %s
                # TYPE vllm:generation_tokens_total counter
                vllm:generation_tokens_total{engine="0"} %s
                # TYPE vllm:time_to_first_token_seconds histogram
                vllm:time_to_first_token_seconds_bucket{engine="0",le="0.1"} %s
                vllm:time_to_first_token_seconds_bucket{engine="0",le="0.2"} %s
                vllm:time_to_first_token_seconds_bucket{engine="0",le="+Inf"} %s
                vllm:time_to_first_token_seconds_sum{engine="0"} %s
                vllm:time_to_first_token_seconds_count{engine="0"} %s
                # TYPE ignored_summary summary
                ignored_summary{quantile="0.5"} 1
                """.formatted(running, tokens, le1, le2, inf, sum, inf);
    }

    private static ServerMetricSeries only(ServerMetricsResults results, String name) {
        ServerMetric metric = results.metrics().get(name);
        assertThat(metric).as(name).isNotNull();
        return metric.series().getFirst();
    }

    @Test
    void gaugesUseTheWindowCountersAndHistogramsTheChangeFromTheBaseline() {
        EndpointScrapes endpoint = new EndpointScrapes(URL);
        scrape(endpoint, 1 * S, page(9, 1000, 5, 5, 5, 0.5));   // baseline, before the window: not in gauge stats
        scrape(endpoint, 10 * S, page(2, 1000, 5, 5, 5, 0.5));  // window starts at 10 s
        scrape(endpoint, 11 * S, page(4, 1300, 6, 8, 9, 1.1));
        scrape(endpoint, 12 * S, page(6, 50, 10, 14, 15, 2.3)); // the counter was reset, histogram moved on
        ServerMetricsResults results = ServerMetricsSummarizer.summarize(List.of(endpoint), List.of(URL), 10 * S,
                12 * S);

        assertThat(results.endpointsSuccessful()).containsExactly(URL);
        assertThat(results.metrics()).containsOnlyKeys("vllm:num_requests_running", "vllm:generation_tokens_total",
                "vllm:time_to_first_token_seconds");
        ServerMetricSeries running = only(results, "vllm:num_requests_running");
        assertThat(running.stats()).containsEntry("avg", 4.0).containsEntry("min", 2.0).containsEntry("max", 6.0)
                .containsEntry("std", 2.0).containsEntry("p50", 4.0);
        assertThat(results.metrics().get("vllm:num_requests_running").description()).isEqualTo("Running.");

        ServerMetricSeries tokens = only(results, "vllm:generation_tokens_total");
        assertThat(tokens.stats().get("total").doubleValue()).isEqualTo(300 + 50); // reset counted from zero
        assertThat(tokens.stats().get("rate").doubleValue()).isEqualTo(175.0);
        assertThat(results.metrics().get("vllm:generation_tokens_total").unit()).isEqualTo("tokens");

        ServerMetricSeries ttft = only(results, "vllm:time_to_first_token_seconds");
        assertThat(ttft.labels()).containsOnlyKeys("engine");
        assertThat(ttft.stats().get("count")).isEqualTo(10L);
        assertThat(ttft.stats().get("sum").doubleValue()).isCloseTo(1.8, within(1e-12));
        assertThat(ttft.stats().get("avg").doubleValue()).isCloseTo(0.18, within(1e-12));
        assertThat(ttft.buckets()).containsExactly(java.util.Map.entry("0.1", 5L), java.util.Map.entry("0.2", 9L),
                java.util.Map.entry("+Inf", 10L));
        // rank 5 of 10 is the last of the first bucket: its upper bound
        assertThat(ttft.stats().get("p50_estimate").doubleValue()).isCloseTo(0.1, within(1e-12));
        // rank 7 lies 2/4 into (0.1, 0.2]
        assertThat(ttft.stats().get("p70_estimate")).isNull();
        assertThat(ttft.stats().get("p75_estimate").doubleValue()).isCloseTo(0.1 + 0.1 * 2.5 / 4, within(1e-12));
        // beyond the last finite bound: that bound
        assertThat(ttft.stats().get("p99_estimate").doubleValue()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void timeslicesCutTheWindowIntoSlicesAndTheLastPartialOneIsMarked() {
        EndpointScrapes endpoint = new EndpointScrapes(URL);
        scrape(endpoint, 9 * S, page(9, 100, 0, 0, 0, 0));       // baseline, before the window
        scrape(endpoint, 10 * S, page(2, 100, 0, 0, 0, 0));      // window [10 s, 15 s], slices of 2 s
        scrape(endpoint, 11 * S, page(4, 300, 1, 1, 1, 0.05));
        scrape(endpoint, 12 * S, page(6, 500, 1, 3, 3, 0.35));   // on a boundary: the second slice's
        scrape(endpoint, 13 * S, page(8, 700, 1, 3, 4, 0.65));
        scrape(endpoint, 15 * S, page(1, 800, 2, 4, 5, 0.70));   // the profiling end: in the last slice
        scrape(endpoint, 16 * S, page(0, 900, 2, 4, 5, 0.70));   // the final scrape, after the window
        ServerMetricsResults results = ServerMetricsSummarizer.summarize(List.of(endpoint), List.of(URL), 10 * S,
                15 * S, 2.0);

        List<ServerMetricTimeslice> gauge = only(results, "vllm:num_requests_running").timeslices();
        assertThat(gauge).extracting(ServerMetricTimeslice::startNs).containsExactly(10 * S, 12 * S, 14 * S);
        assertThat(gauge).extracting(ServerMetricTimeslice::endNs).containsExactly(12 * S, 14 * S, 15 * S);
        assertThat(gauge).extracting(ServerMetricTimeslice::complete).containsExactly(true, true, false);
        assertThat(gauge.get(0).values()).containsExactly(Map.entry("avg", 3.0), Map.entry("min", 2.0),
                Map.entry("max", 4.0));
        assertThat(gauge.get(1).values()).containsEntry("avg", 7.0);
        assertThat(gauge.get(2).values()).containsEntry("avg", 1.0);

        ServerMetricSeries tokens = only(results, "vllm:generation_tokens_total");
        assertThat(tokens.timeslices()).extracting(s -> s.values().get("total").doubleValue())
                .containsExactly(400.0, 200.0, 100.0);
        assertThat(tokens.timeslices()).extracting(s -> s.values().get("rate").doubleValue())
                .containsExactly(200.0, 100.0, 100.0);
        // rates of the two complete slices only: 200 and 100
        assertThat(tokens.stats()).containsEntry("rate_avg", 150.0).containsEntry("rate_min", 100.0)
                .containsEntry("rate_max", 200.0);
        assertThat(tokens.stats().get("rate_std").doubleValue()).isCloseTo(Math.sqrt(5000), within(1e-9));
        assertThat(tokens.stats().keySet()).containsExactly("total", "rate", "rate_avg", "rate_min", "rate_max",
                "rate_std");

        List<ServerMetricTimeslice> ttft = only(results, "vllm:time_to_first_token_seconds").timeslices();
        assertThat(ttft).extracting(s -> s.values().get("count")).containsExactly(3L, 1L, 1L);
        assertThat(ttft.get(0).values().get("sum").doubleValue()).isCloseTo(0.35, within(1e-12));
        assertThat(ttft.get(0).values().get("avg").doubleValue()).isCloseTo(0.35 / 3, within(1e-12));
        assertThat(ttft.get(0).buckets()).containsExactly(Map.entry("0.1", 1L), Map.entry("0.2", 3L),
                Map.entry("+Inf", 3L));
        assertThat(ttft.get(2).complete()).isFalse();
    }

    @Test
    void withoutASliceDurationThereAreNoTimeslicesAndNoRateStatistics() {
        EndpointScrapes endpoint = new EndpointScrapes(URL);
        scrape(endpoint, 10 * S, page(2, 100, 0, 0, 0, 0));
        scrape(endpoint, 12 * S, page(4, 300, 1, 1, 1, 0.05));
        ServerMetricsResults results = ServerMetricsSummarizer.summarize(List.of(endpoint), List.of(URL), 10 * S,
                12 * S);

        assertThat(results.metrics().values()).allSatisfy(m -> assertThat(m.series())
                .allSatisfy(s -> assertThat(s.timeslices()).isEmpty()));
        assertThat(only(results, "vllm:generation_tokens_total").stats()).containsOnlyKeys("total", "rate");
    }

    @Test
    void anEmptyHistogramHasOnlyItsCount() {
        EndpointScrapes endpoint = new EndpointScrapes(URL);
        scrape(endpoint, 1 * S, page(0, 0, 0, 0, 0, 0));
        scrape(endpoint, 3 * S, page(0, 0, 0, 0, 0, 0));
        ServerMetricsResults results = ServerMetricsSummarizer.summarize(List.of(endpoint), List.of(URL), 2 * S, 3 * S);

        assertThat(only(results, "vllm:time_to_first_token_seconds").stats()).containsOnlyKeys("count");
    }

    @Test
    void unitsFollowTheOriginalsSuffixesAndDescriptions() {
        assertThat(UnitInference.of("vllm:prompt_tokens_total", "")).isEqualTo("tokens");
        assertThat(UnitInference.of("process_cpu_seconds_total", "")).isEqualTo("seconds");
        assertThat(UnitInference.of("vllm:request_success_total", "")).isEqualTo("count");
        assertThat(UnitInference.of("vllm:kv_cache_usage_perc", "")).isEqualTo("percent");
        assertThat(UnitInference.of("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).")).isEqualTo("watt");
        assertThat(UnitInference.of("latency_ms", "")).isEqualTo("milliseconds");
        assertThat(UnitInference.of("vllm:num_requests_running", "")).isNull();
    }

    @Test
    void endpointsGetMetricsPathsAndDefaultsFollowTheUrls() {
        assertThat(ServerMetricsEndpoints.withMetricsPath("localhost:9400")).isEqualTo("http://localhost:9400/metrics");
        assertThat(ServerMetricsEndpoints.withMetricsPath("http://h:1/custom/metrics"))
                .isEqualTo("http://h:1/custom/metrics");
        assertThat(ServerMetricsEndpoints.base("h2c://10.0.0.1:8000/v1")).isEqualTo("http://10.0.0.1:8000");
        assertThat(ServerMetricsEndpoints.base("https://api.example.com")).isEqualTo("https://api.example.com");
        // credentials of the inference URL never reach a scrape URL (which the exports name)
        assertThat(ServerMetricsEndpoints.base("http://user:secret@h:8000/v1")).isEqualTo("http://h:8000");
        assertThat(ServerMetricsEndpoints.withMetricsPath("http://u:p@h:9/m?x=1")).isEqualTo("http://h:9/m?x=1");
    }
}
