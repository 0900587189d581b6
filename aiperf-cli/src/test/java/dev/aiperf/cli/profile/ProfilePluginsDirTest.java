package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;

import dev.aiperf.plugin.Plugins;
import dev.aiperf.testkit.PluginJarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profile --plugins-dir}: a third-party plugin in a jar runs beside the built-ins or in place of
 * one, is announced before the run, and is traced to its jar in {@code plugins_used.json}.
 */
class ProfilePluginsDirTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.StreamSupport;

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
        assertThat(run.err()).contains("aiperf: plugin data_exporter 'request_count': com.example.CountExporter from"
                + " count-exporter 1.0.0 (priority 0) adds a new type");
    }

    @Test
    void anOverrideOfABuiltInIsAnnouncedAndTracedToItsJarInPluginsUsedJson() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJarBuilder.named("my-plugin")
                .source("com.example.MyChat", """
                        package com.example;

                        import com.fasterxml.jackson.databind.JsonNode;
                        import com.fasterxml.jackson.databind.ObjectMapper;
                        import com.fasterxml.jackson.databind.node.ObjectNode;
                        import dev.aiperf.api.endpoint.Endpoint;
                        import dev.aiperf.api.endpoint.EndpointContext;
                        import dev.aiperf.api.model.InferenceResponse;
                        import dev.aiperf.api.model.ParsedResponse;
                        import dev.aiperf.api.model.RequestInfo;
                        import dev.aiperf.api.model.ResponseData;

                        /** A chat endpoint of its own: one user message, the reply's content as the output. */
                        public final class MyChat implements Endpoint {
                            private static final ObjectMapper JSON = new ObjectMapper();
                            private final String model;

                            public MyChat(EndpointContext context) {
                                this.model = context.config().endpoint().models().getFirst();
                            }

                            public ObjectNode formatPayload(RequestInfo info) {
                                ObjectNode payload = JSON.createObjectNode().put("model", model);
                                payload.putArray("messages").addObject().put("role", "user")
                                        .put("content", String.join(" ", info.currentTurn().allTexts()));
                                return payload;
                            }

                            public ParsedResponse parseResponse(InferenceResponse response) {
                                try {
                                    JsonNode body = JSON.readTree(response.text());
                                    String text = body.path("choices").path(0).path("message").path("content").asText();
                                    return new ParsedResponse(response.perfNs(), new ResponseData.Text(text),
                                            body.get("usage"));
                                } catch (java.io.IOException e) {
                                    throw new IllegalArgumentException("not JSON: " + response.text());
                                }
                            }
                        }
                        """)
                .manifest("""
                        schema_version: "1.0"
                        plugin:
                          name: my-plugin
                          version: 1.2.0
                        endpoint:
                          chat:
                            class: com.example.MyChat
                            priority: 10
                            metadata:
                              endpoint_path: /v1/chat/completions
                              supports_streaming: false
                              produces_tokens: true
                              tokenizes_input: true
                              metrics_title: My Chat Metrics
                        """)
                .build(plugins);
        Path artifacts = dir.resolve("run");

        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--request-count", "3",
                "--isl", "16", "--osl", "4", "--ui", "none", "--plugins-dir", plugins.toString(), "--artifact-dir",
                artifacts.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines().filter(l -> l.startsWith("aiperf: plugin ")))
                .containsExactly("aiperf: plugin endpoint 'chat': com.example.MyChat from my-plugin 1.2.0 (priority 10)"
                        + " overrides the built-in");
        assertThat(run.out()).contains("My Chat Metrics"); // the metadata came from the plugin's manifest
        JsonNode used = JSON.readTree(artifacts.resolve("plugins_used.json").toFile());
        JsonNode chat = StreamSupport.stream(used.get("plugins").spliterator(), false)
                .filter(p -> p.get("category").asText().equals("endpoint")).findFirst().orElseThrow();
        assertThat(chat.get("name").asText()).isEqualTo("chat");
        assertThat(chat.get("package").asText()).isEqualTo("my-plugin");
        assertThat(chat.get("version").asText()).isEqualTo("1.2.0");
        assertThat(chat.get("class").asText()).isEqualTo("com.example.MyChat");
        assertThat(chat.get("overrides_builtin").asBoolean()).isTrue();
        assertThat(chat.get("jar").asText()).isEqualTo(jar.toString());
        assertThat(chat.get("jar_sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar))));
        assertThat(used.get("plugins")).extracting(p -> p.get("category").asText() + ":" + p.get("name").asText())
                .contains("transport:http", "timing_strategy:request_rate", "ui:none",
                        "data_exporter:json", "console_exporter:metrics_table");
    }

    @Test
    void aMissingPluginsDirectoryIsAUsageError() {
        CliRun run = CliRun.of("profile", "--mock", "--request-count", "2", "--ui", "none", "--plugins-dir",
                dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--plugins-dir").contains("is not a directory");
    }
}
