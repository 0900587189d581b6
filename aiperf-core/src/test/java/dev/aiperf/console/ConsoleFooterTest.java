package dev.aiperf.console;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TvE;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFooterTest {

    @Test
    void listsCommandDurationFilesAndLogWithTheKeyRedacted() {
        BenchmarkConfig config = TestConfigs.builder().apiKey("sk-123").commandLine("aiperf profile --api-key sk-123").build();
        ExportContext context = new ExportContext(config, TestConfigs.CHAT, TvE.results(config), List.of(), 0, 0, "id",
                "0.0.0", true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleFooter.print(context, List.of(new ExportInfo("CSV Export", Path.of("/a/profile_export_aiperf.csv")),
                new ExportInfo("JSON Export", Path.of("/a/profile_export_aiperf.json"))), Path.of("/a/logs/aiperf.log"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("",
                "CLI Command: aiperf profile --api-key <redacted>",
                "Benchmark Duration: 0.18 sec",
                "CSV Export: /a/profile_export_aiperf.csv",
                "JSON Export: /a/profile_export_aiperf.json",
                "Log File: /a/logs/aiperf.log",
                "The benchmark was cancelled: results cover the requests that completed before it stopped.");
    }

    @Test
    void widthComesFromColumnsButNeverBelowAHundred() {
        assertThat(ConsoleWidth.fromColumns(null)).isEqualTo(120);
        assertThat(ConsoleWidth.fromColumns("200")).isEqualTo(200);
        assertThat(ConsoleWidth.fromColumns("80")).isEqualTo(100);
        assertThat(ConsoleWidth.fromColumns("wide")).isEqualTo(120);
    }
}
