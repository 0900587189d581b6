package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The classes plugins.yaml names for metrics and exports exist with the constructors the engine calls. */
class BuiltInPluginClassesTest {

    @Test
    void constructorsMatchThePipelineContract() throws Exception {
        BenchmarkConfig config = TestConfigs.builder().build();
        assertThat(RecordProcessor.class.cast(MetricRecordProcessor.class
                .getConstructor(BenchmarkConfig.class, EndpointMetadata.class).newInstance(config, TestConfigs.CHAT))).isNotNull();
        assertThat(ResultsProcessor.class.cast(MetricResultsProcessor.class
                .getConstructor(BenchmarkConfig.class, EndpointMetadata.class).newInstance(config, TestConfigs.CHAT))).isNotNull();
        for (String name : new String[] {"dev.aiperf.export.MetricsJsonExporter", "dev.aiperf.export.MetricsCsvExporter"}) {
            assertThat(DataExporter.class.cast(Class.forName(name).getConstructor(BenchmarkConfig.class).newInstance(config)))
                    .isNotNull();
        }
        for (String name : new String[] {"dev.aiperf.console.MetricsTableConsoleExporter",
                "dev.aiperf.console.ErrorSummaryConsoleExporter"}) {
            assertThat(ConsoleExporter.class.cast(Class.forName(name).getConstructor(BenchmarkConfig.class).newInstance(config)))
                    .isNotNull();
        }
    }

    @Test
    void manifestNamesTheseClasses() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/aiperf/core/plugins.yaml")) {
            String manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).contains("dev.aiperf.metrics.MetricRecordProcessor", "dev.aiperf.metrics.MetricResultsProcessor",
                    "dev.aiperf.export.MetricsJsonExporter", "dev.aiperf.export.MetricsCsvExporter",
                    "dev.aiperf.console.MetricsTableConsoleExporter", "dev.aiperf.console.ErrorSummaryConsoleExporter");
        }
    }
}
