package dev.aiperf.console;

import dev.aiperf.api.ui.LiveServerMetrics;
import dev.aiperf.prometheus.PrometheusTextParser;
import dev.aiperf.servermetrics.LatestScrape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The server's load read out of a scrape under each backend's names. */
class LiveServerLoadTest {
    private static final long SCRAPED = 1_000_000_000_000L;

    private static LatestScrape scrape(String url, String page) {
        return LatestScrape.of(url, SCRAPED, PrometheusTextParser.parse(page).families());
    }

    @Test
    void sglangCountsAreSummedOverEnginesAndItsTokenUsageAveragedAsPercent() {
        String page = """
                # TYPE sglang:num_running_reqs gauge
                sglang:num_running_reqs{engine="0"} 5
                sglang:num_running_reqs{engine="1"} 7
                # TYPE sglang:num_queue_reqs gauge
                sglang:num_queue_reqs{engine="0"} 2
                sglang:num_queue_reqs{engine="1"} NaN
                # TYPE sglang:token_usage gauge
                sglang:token_usage{engine="0"} 0.25
                sglang:token_usage{engine="1"} 0.75
                # TYPE sglang:time_to_first_token_seconds histogram
                sglang:time_to_first_token_seconds_bucket{le="+Inf"} 3
                sglang:time_to_first_token_seconds_count 3
                sglang:time_to_first_token_seconds_sum 1.5
                """;
        LiveServerMetrics load = LiveServerLoad.of(List.of(scrape("http://user:pw@gpu-1:30000/metrics", page)),
                SCRAPED + 1_500_000_000L);

        LiveServerMetrics.Endpoint e = load.endpoints().getFirst();
        assertThat(e.url()).isEqualTo("http://<redacted>@gpu-1:30000/metrics");
        assertThat(e.requestsRunning()).isEqualTo(12.0);
        assertThat(e.requestsWaiting()).isEqualTo(2.0);
        assertThat(e.kvCacheUsagePercent()).isCloseTo(50.0, within(1e-9));
        assertThat(e.secondsSinceScrape()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void anEndpointWithoutTheseSeriesOrNotScrapedYetHasNoValues() {
        LatestScrape other = scrape("http://h/metrics", "# TYPE process_cpu_seconds_total counter\n"
                + "process_cpu_seconds_total 12\n");
        LiveServerMetrics load = LiveServerLoad.of(List.of(other, new LatestScrape("http://k/metrics", 0,
                java.util.Map.of())), SCRAPED);

        assertThat(load.endpoints()).hasSize(2);
        assertThat(load.endpoints().get(0)).satisfies(e -> {
            assertThat(e.scraped()).isTrue();
            assertThat(e.requestsRunning()).isNull();
            assertThat(e.requestsWaiting()).isNull();
            assertThat(e.kvCacheUsagePercent()).isNull();
        });
        assertThat(load.endpoints().get(1).scraped()).isFalse();
        assertThat(other.sum("process_cpu_seconds_total")).isEqualTo(12.0);
    }
}
