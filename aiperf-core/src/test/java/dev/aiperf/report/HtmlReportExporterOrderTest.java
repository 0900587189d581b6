package dev.aiperf.report;

import dev.aiperf.api.PluginType;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs data exporters in registration order, and the report shows what the others wrote
 * ({@code server_metrics_export.json}, ...): {@code html_report} must stay the last built-in data exporter.
 * A new exporter goes above it in plugins.yaml.
 */
class HtmlReportExporterOrderTest {

    @Test
    void theReportIsTheLastBuiltInDataExporter() {
        List<TypeEntry> exporters = Plugins.registry().listTypes(PluginType.DATA_EXPORTER).stream()
                .filter(TypeEntry::isBuiltin).toList();
        assertThat(exporters.getLast().name()).as("data exporters in order: %s",
                exporters.stream().map(TypeEntry::name).toList()).isEqualTo("html_report");
    }
}
