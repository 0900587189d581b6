package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;

import dev.aiperf.plugin.Plugins;
import dev.aiperf.testkit.PluginJarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code profile --plugins-dir}: a third-party data exporter in a jar runs beside the built-ins. */
class ProfilePluginsDirTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheDefaultRegistry() {
        Plugins.reset();
    }

    @Test
    void anExternalDataExporterIsDiscoveredAndRunAfterTheBuiltIns() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJarBuilder.named("count-exporter")
                .source("com.example.CountExporter", """
                        package com.example;

                        import dev.aiperf.api.export.DataExporter;
                        import dev.aiperf.api.export.ExportContext;
                        import dev.aiperf.api.export.ExportInfo;
                        import dev.aiperf.api.export.ExporterContext;
                        import java.io.IOException;
                        import java.nio.file.Files;
                        import java.nio.file.Path;

                        public final class CountExporter implements DataExporter {
                            private final Path file;

                            public CountExporter(ExporterContext context) {
                                this.file = context.config().output().artifactDir().resolve("request_count.txt");
                            }

                            @Override
                            public void export(ExportContext context) throws IOException {
                                Files.writeString(file, String.valueOf(context.result("request_count").orElseThrow().avg()));
                            }

                            @Override
                            public ExportInfo getExportInfo() {
                                return new ExportInfo("Request count", file);
                            }
                        }
                        """)
                .manifest("""
                        schema_version: "1.0"
                        plugin:
                          name: count-exporter
                          version: 1.0.0
                        data_exporter:
                          request_count:
                            class: com.example.CountExporter
                            description: Writes the request count to a text file
                        """)
                .build(plugins);
        Path artifacts = dir.resolve("run");

        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--concurrency", "2",
                "--request-count", "6", "--isl", "16", "--osl", "4", "--ui", "none", "--plugins-dir",
                plugins.toString(), "--artifact-dir", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(artifacts.resolve("request_count.txt")).hasContent("6.0");
        assertThat(artifacts.resolve("profile_export_aiperf.json")).exists();
    }

    @Test
    void aMissingPluginsDirectoryIsAUsageError() {
        CliRun run = CliRun.of("profile", "--mock", "--request-count", "2", "--ui", "none", "--plugins-dir",
                dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--plugins-dir").contains("is not a directory");
    }
}
