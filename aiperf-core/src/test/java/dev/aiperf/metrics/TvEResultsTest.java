package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aiperf.metrics.MetricTags.*;
import static org.assertj.core.api.Assertions.assertThat;

/** TV-E of the metrics spec §8: the original's end-to-end run, value for value. */
class TvEResultsTest {

    private static Map<String, MetricResult> byTag(List<MetricResult> results) {
        Map<String, MetricResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.tag(), r));
        return map;
    }

    @Test
    void perRecordValuesMatchTheOriginal() {
        List<MetricRecord> records = TvE.metricRecords(TvE.config());
        double[] ttft = {40, 35, 45, 60};
        double[] ttst = {12, 10, 10, 6};
        double[] latency = {75, 58, 101, 66};
        double[] itl = {5.0, 4.6, 6.222222222222221, 3.0};
        double[] perUser = {200.0, 217.3913043478261, 160.7142857142857, 333.3333333333333};
        double[] prefill = {2500.0, 3428.5714285714284, 2222.222222222222, 1333.3333333333333};
        double[][] icl = {{12, 9, 14}, {10, 13}, {10, 15, 20, 11}, {6}};
        double toMs = MetricUnits.factor("ns", "ms");
        for (int i = 0; i < 4; i++) {
            Map<String, Object> values = records.get(i).values();
            assertThat((Long) values.get(TIME_TO_FIRST_TOKEN) * toMs).isEqualTo(ttft[i]);
            assertThat((Long) values.get(TIME_TO_SECOND_TOKEN) * toMs).isEqualTo(ttst[i]);
            assertThat((Long) values.get(REQUEST_LATENCY) * toMs).isEqualTo(latency[i]);
            assertThat((Double) values.get(INTER_TOKEN_LATENCY) * toMs).isEqualTo(itl[i]);
            assertThat(values.get(OUTPUT_TOKEN_THROUGHPUT_PER_USER)).isEqualTo(perUser[i]);
            assertThat(values.get(PREFILL_THROUGHPUT_PER_USER)).isEqualTo(prefill[i]);
            double[] gaps = (double[]) values.get(INTER_CHUNK_LATENCY);
            for (int g = 0; g < gaps.length; g++) {
                gaps[g] *= toMs;
            }
            assertThat(gaps).containsExactly(icl[i]);
            assertThat(values).containsEntry(REQUEST_COUNT, 1L).doesNotContainKeys(ERROR_ISL, ERROR_REQUEST_COUNT);
        }
        assertThat(records.get(4).values()).containsExactly(Map.entry(ERROR_ISL, 90L), Map.entry(ERROR_REQUEST_COUNT, 1L));
    }

    @Test
    void runResultsMatchTheOriginal() {
        Map<String, MetricResult> results = byTag(TvE.results(TvE.config()));

        assertThat(results.get(REQUEST_COUNT).avg()).isEqualTo(4.0);
        assertThat(results.get(ERROR_REQUEST_COUNT).avg()).isEqualTo(1.0);
        assertThat(results.get(BENCHMARK_DURATION).avg()).isEqualTo(0.18100000000000002);
        assertThat(results.get(BENCHMARK_DURATION).unit()).isEqualTo("sec");
        assertThat(results.get(REQUEST_THROUGHPUT).avg()).isEqualTo(22.09944751381215);
        assertThat(results.get(TOTAL_OSL).avg()).isEqualTo(27.0);
        assertThat(results.get(TOTAL_OUTPUT_TOKENS).avg()).isEqualTo(27.0);
        assertThat(results.get(TOTAL_ISL).avg()).isEqualTo(400.0);
        assertThat(results.get(OUTPUT_TOKEN_THROUGHPUT).avg()).isEqualTo(149.17127071823202);
        assertThat(results.get(TOTAL_TOKEN_THROUGHPUT).avg()).isEqualTo(2359.116022099447);
        assertThat(results.get(TOTAL_ERROR_ISL).avg()).isEqualTo(90.0);

        MetricResult icl = results.get(INTER_CHUNK_LATENCY);
        assertThat(icl.count()).isEqualTo(10);
        assertThat(icl.avg()).isEqualTo(12.0);
        assertThat(icl.get(Statistic.P50)).isEqualTo(11.5);
        assertThat(icl.get(Statistic.STD)).isEqualTo(3.63318042491699);

        MetricResult itl = results.get(INTER_TOKEN_LATENCY);
        assertThat(itl.avg()).isEqualTo(4.705555555555556);
        assertThat(itl.get(Statistic.P50)).isEqualTo(4.8);
        assertThat(itl.get(Statistic.STD)).isEqualTo(1.1518503632239991);

        MetricResult latency = results.get(REQUEST_LATENCY);
        assertThat(latency.unit()).isEqualTo("ms");
        assertThat(latency.statistics()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(Statistic.AVG, 75.0), Map.entry(Statistic.P1, 58.239999999999995),
                Map.entry(Statistic.P5, 59.199999999999996), Map.entry(Statistic.P10, 60.4), Map.entry(Statistic.P25, 64.0),
                Map.entry(Statistic.P50, 70.5), Map.entry(Statistic.P75, 81.5), Map.entry(Statistic.P90, 93.2),
                Map.entry(Statistic.P95, 97.09999999999998), Map.entry(Statistic.P99, 100.22),
                Map.entry(Statistic.MIN, 58.0), Map.entry(Statistic.MAX, 101.0),
                Map.entry(Statistic.STD, 16.170961628796228), Map.entry(Statistic.SUM, 300.0)));
    }

    @Test
    void internalMetricsAreComputedButNotReported() {
        Map<String, MetricResult> results = byTag(TvE.results(TvE.config()));
        assertThat(results).doesNotContainKeys(MIN_REQUEST_TIMESTAMP, MAX_RESPONSE_TIMESTAMP, CREDIT_DROP_LATENCY);
        assertThat(results).containsKey(BENCHMARK_DURATION);
    }

    @Test
    void resultOrderIsFirstSeenThenDerived() {
        List<String> tags = TvE.results(TvE.config()).stream().map(MetricResult::tag).toList();
        assertThat(tags.indexOf(REQUEST_LATENCY)).isLessThan(tags.indexOf(ERROR_ISL));
        assertThat(tags.indexOf(ERROR_REQUEST_COUNT)).isLessThan(tags.indexOf(BENCHMARK_DURATION));
        assertThat(tags.indexOf(BENCHMARK_DURATION)).isLessThan(tags.indexOf(REQUEST_THROUGHPUT));
        assertThat(tags.subList(tags.indexOf(BENCHMARK_DURATION), tags.size())).allSatisfy(tag ->
                assertThat(MetricCatalog.definition(tag).orElseThrow().kind()).isEqualTo(MetricKind.DERIVED));
    }

    @Test
    void goodputWithTheOriginalsSlos() {
        BenchmarkConfig config = TestConfigs.builder()
                .goodput(Map.of(TIME_TO_FIRST_TOKEN, 50.0, INTER_TOKEN_LATENCY, 6.0)).build();
        List<Object> flags = TvE.metricRecords(config).stream().map(r -> r.values().get(GOOD_REQUEST_COUNT)).toList();
        assertThat(flags).containsExactly(1L, 1L, 0L, 0L, null);

        Map<String, MetricResult> results = byTag(TvE.results(config));
        assertThat(results.get(GOOD_REQUEST_COUNT).avg()).isEqualTo(2.0);
        assertThat(results.get(GOODPUT).avg()).isEqualTo(11.049723756906076);
        assertThat(results.get(GOODPUT).unit()).isEqualTo("requests/sec");
    }

    @Test
    void warmupRecordsAreIgnored() {
        BenchmarkConfig config = TvE.config();
        ActiveMetrics metrics = ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);
        MetricResultsProcessor results = new MetricResultsProcessor(metrics);
        MetricRecordProcessor processor = new MetricRecordProcessor(metrics);
        var warmup = TestRecords.parsed(0, 10);
        var request = warmup.request();
        var warmupRequest = new dev.aiperf.api.model.RequestRecord(
                TestRecords.info(9, null, dev.aiperf.api.model.CreditPhase.WARMUP), request.model(), request.timestampNs(),
                0, request.startPerfNs(), null, request.endPerfNs(), 200, request.responses(), null, null);
        results.addRecord(processor.processRecord(
                new dev.aiperf.api.model.ParsedResponseRecord(warmupRequest, warmup.responses(), warmup.tokenCounts())));
        assertThat(results.processResults()).isEmpty();
    }
}
