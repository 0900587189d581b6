package dev.aiperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** server_metrics_export.json (upstream spec §6.3) as the report's table rows and slice series. */
class ServerMetricsTableTest {

    @Test
    void eachSeriesIsARowWithTheStatisticsOfItsType() throws IOException {
        var export = new ObjectMapper().readTree("""
                {"schema_version": "1.0", "summary": {"endpoints_successful": ["http://127.0.0.1:8000/metrics"]},
                 "metrics": {
                   "vllm:num_requests_running": {"type": "gauge", "unit": "requests", "series": [
                     {"endpoint_url": "http://127.0.0.1:8000/metrics", "labels": {"model_name": "m"},
                      "stats": {"avg": 7.5, "p50": 8.0, "p99": 8.0, "max": 8.0},
                      "timeslices": [{"start_ns": 1000000000, "avg": 6.0}, {"start_ns": 2000000000, "avg": 8.0}]}]},
                   "vllm:generation_tokens_total": {"type": "counter", "unit": "tokens", "series": [
                     {"endpoint_url": "http://127.0.0.1:8000/metrics", "labels": null, "stats": {"total": 1200, "rate": 240.0}}]},
                   "vllm:time_to_first_token_seconds": {"type": "histogram", "unit": "seconds", "series": [
                     {"endpoint_url": "http://127.0.0.1:8000/metrics", "labels": {},
                      "stats": {"count": 40, "avg": 0.02, "p50_estimate": 0.019, "p99_estimate": 0.04}}]}}}""");

        Map<String, Object> table = ServerMetricsTable.of(export);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("vllm:num_requests_running",
                "vllm:generation_tokens_total", "vllm:time_to_first_token_seconds");
        assertThat(rows.get(0).get("labels")).isEqualTo("model_name=m");
        assertThat(rows.get(0).get("stats")).isEqualTo(Map.of("avg", 7.5, "p50", 8.0, "p99", 8.0, "max", 8.0));
        assertThat(rows.get(1).get("stats").toString()).isEqualTo("{total=1200.0, rate=240.0}");
        assertThat(rows.get(2).get("stats").toString()).contains("count=40.0", "p99_estimate=0.04");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slices = (List<Map<String, Object>>) table.get("timeslices");
        assertThat(slices).hasSize(1);
        assertThat(slices.getFirst().get("name")).isEqualTo("vllm:num_requests_running{model_name=m}");
        assertThat((List<?>) slices.getFirst().get("points")).hasSize(2);
        assertThat(ServerMetricsTable.of(null)).isNull();
    }
}
