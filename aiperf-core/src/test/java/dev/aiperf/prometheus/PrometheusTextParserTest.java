package dev.aiperf.prometheus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextParserTest {

    private static PrometheusTextParser.Exposition parse(String resource) throws IOException {
        try (InputStream in = PrometheusTextParserTest.class.getResourceAsStream(resource)) {
            return PrometheusTextParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static MetricFamily family(PrometheusTextParser.Exposition exposition, String name) {
        return exposition.families().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no family " + name + " in " + exposition.families().stream()
                        .map(MetricFamily::name).toList()));
    }

    @Test
    void readsVllmGaugesCountersAndHistogramsWithTheirLabels() throws IOException {
        PrometheusTextParser.Exposition vllm = parse("vllm.txt");

        assertThat(vllm.skippedLines()).isZero();
        MetricFamily running = family(vllm, "vllm:num_requests_running");
        assertThat(running.type()).isEqualTo(MetricType.GAUGE);
        assertThat(running.help()).isEqualTo("Number of requests in model execution batches.");
        assertThat(running.samples()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(7.0);
            assertThat(s.labels()).containsExactly(Map.entry("engine", "0"), Map.entry("model_name", "Qwen/Qwen3-0.6B"));
        });
        MetricFamily success = family(vllm, "vllm:request_success_total");
        assertThat(success.type()).isEqualTo(MetricType.COUNTER);
        assertThat(success.samples()).extracting(s -> s.labels().get("finished_reason"), Sample::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stop", 3.0),
                        org.assertj.core.groups.Tuple.tuple("length", 397.0));
        MetricFamily ttft = family(vllm, "vllm:time_to_first_token_seconds");
        assertThat(ttft.type()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(ttft.samples()).hasSize(8);
        assertThat(ttft.samples().get(5).labels().get("le")).isEqualTo("+Inf");
        assertThat(ttft.samples().getLast().name()).isEqualTo("vllm:time_to_first_token_seconds_sum");
        assertThat(ttft.samples().getLast().value()).isEqualTo(6.722871780395508);
        // python_client's separate *_created gauge stays its own family
        assertThat(family(vllm, "vllm:prompt_tokens_created").samples().getFirst().value())
                .isEqualTo(1.7529112377411256e9);
    }

    @Test
    void summariesAreKeptApartFromHistogramsAndScientificNotationReads() throws IOException {
        PrometheusTextParser.Exposition sglang = parse("sglang.txt");

        assertThat(family(sglang, "sglang:prompt_tokens_total").samples().getFirst().value()).isEqualTo(8128902.0);
        assertThat(family(sglang, "sglang:e2e_request_latency_seconds").type()).isEqualTo(MetricType.SUMMARY);
        assertThat(family(sglang, "sglang:e2e_request_latency_seconds").samples()).hasSize(3);
        assertThat(family(sglang, "sglang:func_latency_seconds").samples()).hasSize(4);
    }

    @Test
    void readsOpenMetricsWithUnitsExemplarsCreatedSuffixesEscapesAndEof() throws IOException {
        PrometheusTextParser.Exposition om = parse("openmetrics.txt");

        assertThat(om.skippedLines()).isZero();
        MetricFamily cpu = family(om, "process_cpu_seconds");
        assertThat(cpu.type()).isEqualTo(MetricType.COUNTER);
        assertThat(cpu.unit()).isEqualTo("seconds");
        assertThat(cpu.samples()).extracting(Sample::name)
                .containsExactly("process_cpu_seconds_total", "process_cpu_seconds_created");
        MetricFamily latency = family(om, "trtllm_request_latency_seconds");
        assertThat(latency.help()).isEqualTo("\"Request\" latency\nin seconds \\ with escapes.");
        Sample first = latency.samples().getFirst();
        assertThat(first.value()).isEqualTo(3.0); // the exemplar after '#' is not the value
        assertThat(first.labels().get("model_name")).isEqualTo("llama \"3\" \\ 8b\nchat");
        assertThat(family(om, "build").type()).isEqualTo(MetricType.INFO);
        assertThat(family(om, "build").samples().getFirst().name()).isEqualTo("build_info");
        assertThat(om.families()).extracting(MetricFamily::name).doesNotContain("after_eof_is_ignored");
    }

    @Test
    void readsDcgmExporterPages() throws IOException {
        PrometheusTextParser.Exposition dcgm = parse("dcgm.txt");

        MetricFamily energy = family(dcgm, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
        assertThat(energy.type()).isEqualTo(MetricType.COUNTER);
        assertThat(energy.samples()).extracting(Sample::value).containsExactly(3278190449.0, 1.0e9);
        assertThat(energy.samples().getFirst().labels()).containsEntry("UUID",
                "GPU-afc3c15a-48a5-d669-0634-191c629f95fa").containsEntry("modelName", "NVIDIA H100 80GB HBM3");
    }

    @Test
    void specialValuesTimestampsAndUntypedMetrics() {
        PrometheusTextParser.Exposition exposition = PrometheusTextParser.parse("""
                up 1 1712345678901
                a_gauge{x="1"} +Inf
                a_gauge{x="2"} -Inf
                a_gauge{x="3"} NaN
                spaced_labels{ a = "b" , c="d", } 2.5e-3
                {"utf8.metric.name", job="x"} 4
                """);

        assertThat(exposition.skippedLines()).isZero();
        Sample up = family(exposition, "up").samples().getFirst();
        assertThat(up.timestampMs()).isEqualTo(1712345678901L);
        assertThat(family(exposition, "up").type()).isEqualTo(MetricType.UNKNOWN);
        assertThat(family(exposition, "a_gauge").samples()).extracting(Sample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(family(exposition, "spaced_labels").samples().getFirst().labels())
                .containsExactly(Map.entry("a", "b"), Map.entry("c", "d"));
        assertThat(family(exposition, "utf8.metric.name").samples().getFirst().labels()).containsOnlyKeys("job");
    }

    @Test
    void aBadLineIsSkippedAndCountedWhileTheOthersAreKept() {
        PrometheusTextParser.Exposition exposition = PrometheusTextParser.parse(String.join("\n", List.of(
                "# TYPE good gauge", "good 1", "broken{a=\"unterminated} 1", "no_value", "bad_number abc",
                "also_good 2")));

        assertThat(exposition.families()).extracting(MetricFamily::name).containsExactly("good", "also_good");
        assertThat(exposition.skippedLines()).isEqualTo(3);
        assertThat(exposition.firstProblem()).startsWith("line 3:");
    }

    @Test
    void windowsLineEndsAndEmptyBodies() {
        assertThat(PrometheusTextParser.parse("").families()).isEmpty();
        PrometheusTextParser.Exposition crlf = PrometheusTextParser.parse("# TYPE x counter\r\nx_total 3\r\n");
        assertThat(family(crlf, "x").samples().getFirst().value()).isEqualTo(3.0);
    }

    @Test
    void aSeriesCacheGivesTheSameSamplesAndReadsOnlyTheValuesOfRepeatedSeries() throws IOException {
        String page;
        try (InputStream in = PrometheusTextParserTest.class.getResourceAsStream("vllm.txt")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SeriesCache cache = new SeriesCache();
        PrometheusTextParser.Exposition first = PrometheusTextParser.parse(page, cache);
        PrometheusTextParser.Exposition second = PrometheusTextParser.parse(page.replace("} 7.0", "} 8.0"), cache);
        PrometheusTextParser.Exposition uncached = PrometheusTextParser.parse(page);

        assertThat(first.families()).isEqualTo(uncached.families());
        assertThat(cache.size()).isEqualTo(first.families().stream().mapToInt(f -> f.samples().size()).sum());
        Sample before = family(first, "vllm:num_requests_running").samples().getFirst();
        Sample after = family(second, "vllm:num_requests_running").samples().getFirst();
        assertThat(after.value()).isEqualTo(8.0);
        assertThat(after.labels()).isSameAs(before.labels());
        // a line that no longer parses is still caught when its series is cached
        PrometheusTextParser.Exposition broken = PrometheusTextParser.parse(
                "vllm:num_requests_waiting{engine=\"0\",model_name=\"Qwen/Qwen3-0.6B\"} not-a-number\n", cache);
        assertThat(broken.skippedLines()).isEqualTo(1);
    }
}
