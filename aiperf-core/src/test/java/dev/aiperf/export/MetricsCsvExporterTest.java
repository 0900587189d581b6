package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TvE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** profile_export_aiperf.csv (metrics spec §5.3), byte for byte against the original's TV-E output. */
class MetricsCsvExporterTest {
    private static final String TV_E_CSV = String.join("\r\n",
            "Metric,avg,min,max,sum,p1,p5,p10,p25,p50,p75,p90,p95,p99,std",
            "Error Input Sequence Length (tokens),90.00,90.00,90.00,90.00,90.00,90.00,90.00,90.00,90.00,90.00,90.00,90.00,90.00,0.00",
            "Input Sequence Length (tokens),100.00,80.00,120.00,400.00,80.60,83.00,86.00,95.00,100.00,105.00,114.00,117.00,119.40,14.14",
            "Inter Chunk Latency (ms),12.00,6.00,20.00,120.00,6.27,7.35,8.70,10.00,11.50,13.75,15.50,17.75,19.55,3.63",
            "Inter Token Latency (ms),4.71,3.00,6.22,18.82,3.05,3.24,3.48,4.20,4.80,5.31,5.86,6.04,6.19,1.15",
            "Output Sequence Length (tokens),6.75,3.00,10.00,27.00,3.09,3.45,3.90,5.25,7.00,8.50,9.40,9.70,9.94,2.59",
            "Output Token Count (tokens),6.75,3.00,10.00,27.00,3.09,3.45,3.90,5.25,7.00,8.50,9.40,9.70,9.94,2.59",
            "Output Token Throughput Per User (tokens/sec/user),227.86,160.71,333.33,911.44,161.89,166.61,172.50,190.18,208.70,246.38,298.55,315.94,329.86,64.26",
            "Prefill Throughput Per User (tokens/sec/user),2371.03,1333.33,3428.57,9484.13,1360.00,1466.67,1600.00,2000.00,2361.11,2732.14,3150.00,3289.29,3400.71,747.33",
            "Request Latency (ms),75.00,58.00,101.00,300.00,58.24,59.20,60.40,64.00,70.50,81.50,93.20,97.10,100.22,16.17",
            "Time to First Output Token (ms),45.00,35.00,60.00,180.00,35.15,35.75,36.50,38.75,42.50,48.75,55.50,57.75,59.55,9.35",
            "Time to First Token (ms),45.00,35.00,60.00,180.00,35.15,35.75,36.50,38.75,42.50,48.75,55.50,57.75,59.55,9.35",
            "Time to Second Token (ms),9.50,6.00,12.00,38.00,6.12,6.60,7.20,9.00,10.00,10.50,11.40,11.70,11.94,2.18",
            "",
            "Metric,Value",
            "Benchmark Duration (sec),0.18",
            "Error Request Count,1.00",
            "Output Token Throughput (tokens/sec),149.17",
            "Request Count,4.00",
            "Request Throughput (requests/sec),22.10",
            "Total Error Input Sequence Length (tokens),90.00",
            "Total Input Sequence Length (tokens),400.00",
            "Total Output Sequence Length (tokens),27.00",
            "Total Output Tokens (tokens),27.00",
            "Total Token Throughput (tokens/sec),2359.12",
            "");

    @Test
    void writesTheOriginalsTvEFileByteForByte(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir.resolve("run")).build();
        MetricsCsvExporter exporter = new MetricsCsvExporter(new ExporterContext(config));
        exporter.export(TvEExport.context(config));

        Path file = dir.resolve("run").resolve("profile_export_aiperf.csv");
        assertThat(exporter.getExportInfo().filePath()).isEqualTo(file);
        assertThat(exporter.getExportInfo().exportType()).isEqualTo("CSV Export");
        assertThat(Files.readAllBytes(file)).isEqualTo(TV_E_CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void goodputAddsTwoSystemRows(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir)
                .goodput(Map.of("time_to_first_token", 50.0, "inter_token_latency", 6.0)).build();
        String csv = MetricsCsvExporter.render(TvE.results(config));
        assertThat(csv).contains("\r\nGoodRequestCount,2.00\r\n").contains("\r\nGoodput (requests/sec),11.05\r\n");
    }

    @Test
    void quotesCellsThatNeedIt() {
        MetricResult odd = MetricResult.scalar("x", "Tokens, \"quoted\"", "count", Set.of(MetricFlag.NO_CONSOLE), null, 1.0);
        assertThat(MetricsCsvExporter.render(List.of(odd))).isEqualTo("Metric,Value\r\n\"Tokens, \"\"quoted\"\"\",1.00\r\n");
    }

    @Test
    void noResultsMeansAnEmptyFile(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        new MetricsCsvExporter(new ExporterContext(config)).export(new ExportContext(config, TestConfigs.CHAT, List.of(), List.of(), 0, 0,
                "id", "0.0.0", false));
        assertThat(Files.size(dir.resolve("profile_export_aiperf.csv"))).isZero();
    }
}
