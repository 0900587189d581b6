package dev.aiperf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.artifacts.RunArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes into report.html: redacted configuration, script-safe data, the chart library inlined. */
class ReportDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aHandEditedConfigurationIsRedactedAgainEverywhere() throws IOException {
        JsonNode config = JSON.readTree("""
                {"endpoint": {"api_key": "sk-abcdefgh12345", "urls": ["http://user:pw123456@host:8000"],
                  "headers": [["Authorization", "Bearer tok-987654321"], ["X-Trace", "keep-me"]]},
                 "tokenizer": {"name": "Qwen/Qwen3-0.6B"}, "loadgen": {"concurrency": 8},
                 "cli_command": "aiperf profile --api-key sk-abcdefgh12345 -H 'Authorization: Bearer tok-987654321'"}
                """);
        String redacted = ConfigRedaction.redact(config).toString();

        assertThat(redacted).doesNotContain("sk-abcdefgh12345", "tok-987654321", "pw123456", "user:")
                .contains("\"api_key\":\"<redacted>\"", "[\"Authorization\",\"<redacted>\"]", "[\"X-Trace\",\"keep-me\"]",
                        "http://<redacted>@host:8000", "Qwen/Qwen3-0.6B", "\"concurrency\":8");
    }

    @Test
    void textFromTheRunCannotCloseTheScriptElementItIsInlinedIn() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run<b>&x"));
        Files.writeString(run.resolve("profile_export_aiperf.json"), """
                {"request_count": {"unit": "requests", "avg": 3.0},
                 "input_config": {"cli_command": "aiperf profile -m '</script><b>x'"}}""");
        String html = HtmlReport.html(List.of(RunArtifacts.read(run)), "test", "light");

        // Booleans, not assertThat(html): a failure must not print a megabyte of chart library.
        assertThat(html.contains("</script><b>x")).as("the label closed the script element").isFalse();
        assertThat(html.contains("<\\/script><b>x")).as("the label is kept, escaped").isTrue();
        assertThat(html.split("</script>", -1)).as("only the three real script elements close").hasSize(4);
        assertThat(html.contains("<title>AIPerf report - run&lt;b&gt;&amp;x</title>")).as("the title is escaped").isTrue();
        assertThat(html.length()).as("the chart library is inlined").isGreaterThan(900_000);
        assertThat(html.contains("<script src")).as("no script is loaded from elsewhere").isFalse();
        assertThat(html.contains("<link")).as("no style sheet is loaded from elsewhere").isFalse();
    }

    @Test
    void metricsKeepTheSummaryOrderWithTheirDisplayNames() throws IOException {
        Path run = Files.createDirectories(dir.resolve("r"));
        Files.writeString(run.resolve("profile_export_aiperf.json"), """
                {"schema_version": "1.0", "request_throughput": {"unit": "requests/sec", "avg": 9.5},
                 "time_to_first_token": {"unit": "ms", "avg": 20.0, "p50": 19.0, "p99": 30.0},
                 "brand_new_metric": {"unit": "x", "avg": 1.0},
                 "client_health": {"kept_up": false, "verdict": "WARNING", "problems": ["queue wait p99 5 ms"]},
                 "error_summary": [{"error_details": {"code": 500, "message": "boom"}, "count": 2}],
                 "was_cancelled": true}""");
        @SuppressWarnings("unchecked")
        var runJson = (java.util.Map<String, Object>) ((List<?>) ReportData.of(List.of(RunArtifacts.read(run)), "t",
                "now", "v", "light").get("runs")).getFirst();
        String text = JSON.writeValueAsString(runJson);

        assertThat(text).contains("\"header\":\"Request Throughput\"", "\"header\":\"Time to First Token\"",
                "\"header\":\"Brand New Metric\"");
        assertThat(text.indexOf("Request Throughput")).isLessThan(text.indexOf("Time to First Token"));
        assertThat(runJson.get("warnings").toString()).contains("Client health: queue wait p99 5 ms",
                "The run was cancelled", "2 requests failed", "No per-request records");
    }
}
