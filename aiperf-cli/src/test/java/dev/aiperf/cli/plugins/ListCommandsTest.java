package dev.aiperf.cli.plugins;

import dev.aiperf.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.testkit.PluginJarBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandsTest {
    @TempDir
    Path pluginsDir;

    @BeforeEach
    void installAcme() {
        TestPlugins.acmeJar(pluginsDir);
    }

    @Test
    void listPluginsShowsTheBuiltinsAndTheJar() {
        CliRun run = CliRun.of("plugins", "list-plugins", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).startsWith("PACKAGE").contains("VERSION", "TYPES", "SOURCE"));
        assertThat(run.out()).containsPattern("(?m)^aiperf\\s+\\S+\\s+\\d+");
        assertThat(run.out()).containsPattern("(?m)^acme-plugin\\s+1\\.2\\.3\\s+1\\s+Acme endpoints\\s+.*acme-plugin\\.jar");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void listPluginsJson() {
        JsonNode packages = CliRun.of("plugins", "list-plugins", "--json", "--plugins-dir", pluginsDir.toString()).json();

        JsonNode acme = find(packages, "name", "acme-plugin");
        assertThat(acme.get("version").asText()).isEqualTo("1.2.3");
        assertThat(acme.get("builtin").asBoolean()).isFalse();
        assertThat(acme.get("types").asInt()).isEqualTo(1);
        assertThat(find(packages, "name", "aiperf").get("builtin").asBoolean()).isTrue();
    }

    @Test
    void listCategoriesShowsEachInterface() {
        CliRun run = CliRun.of("plugins", "list-categories", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^endpoint\\s+\\d+\\s+dev\\.aiperf\\.api\\.endpoint\\.Endpoint\\s");
        assertThat(run.out()).containsPattern("(?m)^data_exporter\\s+\\d+\\s+dev\\.aiperf\\.api\\.export\\.DataExporter\\s");
    }

    @Test
    void listCategoriesJson() {
        JsonNode endpoint = find(CliRun.of("plugins", "list-categories", "--json").json(), "name", "endpoint");

        assertThat(endpoint.get("protocol").asText()).isEqualTo("dev.aiperf.api.endpoint.Endpoint");
        assertThat(endpoint.get("metadata_class").asText()).isEqualTo("dev.aiperf.api.endpoint.EndpointMetadata");
    }

    @Test
    void listImplementationsShowsThePluginWithItsPriority() {
        CliRun run = CliRun.of("plugins", "list-implementations", "endpoint", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^NAME\\s+PRIORITY\\s+PACKAGE\\s+CLASS\\s+DESCRIPTION$");
        assertThat(run.out()).containsPattern("(?m)^chat\\s+0\\s+aiperf\\s+dev\\.aiperf\\.endpoint\\.ChatEndpoint\\s");
        assertThat(run.out()).containsPattern("(?m)^acme\\s+10\\s+acme-plugin\\s+com\\.acme\\.AcmeEndpoint\\s+The Acme API$");
    }

    @Test
    void listImplementationsJson() {
        JsonNode rows = CliRun.of("plugins", "list-implementations", "endpoint", "--json",
                "--plugins-dir", pluginsDir.toString()).json();

        JsonNode acme = find(rows, "name", "acme");
        assertThat(acme.get("priority").asInt()).isEqualTo(10);
        assertThat(acme.get("package_name").asText()).isEqualTo("acme-plugin");
        assertThat(acme.get("class_name").asText()).isEqualTo("com.acme.AcmeEndpoint");
        assertThat(acme.get("metadata").get("endpoint_path").asText()).isEqualTo("/v1/acme");
        assertThat(acme.get("location").asText()).contains("acme-plugin.jar!/com/acme/plugins.yaml:");
    }

    @Test
    void categoryNamesAcceptDashesAndCase() {
        CliRun run = CliRun.of("plugins", "list-implementations", "Data-Exporter");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("dev.aiperf.export.MetricsJsonExporter");
    }

    @Test
    void unknownCategoryIsOneLineWithASuggestionAndExit1() {
        CliRun run = CliRun.of("plugins", "list-implementations", "endpont");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("aiperf: error: Unknown plugin category 'endpont'.")
                .contains("Did you mean 'endpoint'?"));
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("plugins", "list-implementations", "endpont", "--verbose");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("UnknownCategoryException", "\tat ");
    }

    @Test
    void missingArgumentIsAUsageErrorWithExit2() {
        CliRun run = CliRun.of("plugins", "list-implementations");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required parameter: '<category>'");
    }

    @Test
    void aPluginsDirThatDoesNotExistIsExit1() {
        CliRun run = CliRun.of("plugins", "list-plugins", "--plugins-dir", pluginsDir.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("--plugins-dir").contains("is not a directory");
    }

    @Test
    void aJarThatIsNotAPluginIsReportedOnStderrAndTheRestStillLoads() {
        PluginJarBuilder.named("not-a-plugin").source("com.other.Thing", "package com.other; public class Thing {}")
                .build(pluginsDir);

        CliRun run = CliRun.of("plugins", "list-plugins", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("acme-plugin");
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("aiperf: warning: ").contains("not-a-plugin.jar").contains("META-INF/aiperf.plugins"));
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
