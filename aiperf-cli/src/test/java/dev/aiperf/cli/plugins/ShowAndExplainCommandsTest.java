package dev.aiperf.cli.plugins;

import dev.aiperf.cli.CliRun;
import dev.aiperf.testkit.PluginJarBuilder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowAndExplainCommandsTest {
    @TempDir
    Path pluginsDir;

    @Test
    void showPrintsEverythingAboutOneImplementation() {
        TestPlugins.acmeJar(pluginsDir);

        CliRun run = CliRun.of("plugins", "show", "endpoint", "ACME", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("endpoint 'acme'\n")
                .contains("  class:       com.acme.AcmeEndpoint\n")
                .contains("  implements:  dev.aiperf.api.endpoint.Endpoint\n")
                .contains("  package:     acme-plugin 1.2.3\n")
                .contains("  priority:    10\n")
                .contains("    endpoint_path: /v1/acme\n")
                .containsPattern("declared at: .*acme-plugin\\.jar!/com/acme/plugins\\.yaml:\\d+:\\d+");
    }

    @Test
    void showJson() {
        TestPlugins.acmeJar(pluginsDir);

        JsonNode details = CliRun.of("plugins", "show", "endpoint", "acme", "--json",
                "--plugins-dir", pluginsDir.toString()).json();

        assertThat(details.at("/implementation/class_name").asText()).isEqualTo("com.acme.AcmeEndpoint");
        assertThat(details.get("package_version").asText()).isEqualTo("1.2.3");
        assertThat(details.get("competitors").asInt()).isZero();
        assertThat(details.get("class_valid").asBoolean()).isTrue();
    }

    @Test
    void showNeverClaimsAnInterfaceTheClassDoesNotImplement() {
        TestPlugins.impostorJar(pluginsDir);

        CliRun run = CliRun.of("plugins", "show", "endpoint", "impostor", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).startsWith("endpoint 'impostor'\n")
                .contains("  class:       com.acme.Impostor\n")
                .doesNotContain("implements:")
                .contains("  requires:    dev.aiperf.api.endpoint.Endpoint (the category's interface)\n")
                .contains("  problem:     com.acme.Impostor does not implement dev.aiperf.api.endpoint.Endpoint");
    }

    @Test
    void showClaimsNoInterfaceForACategoryThatRequiresNone() {
        PluginJarBuilder.named("widgets")
                .source("com.acme.Widget", "package com.acme; public class Widget { }")
                .resource("com/acme/categories.yaml", """
                        schema_version: "1.0"
                        widget:
                          protocol: java.lang.Object
                          description: Anything at all
                        """)
                .resource("META-INF/aiperf.categories", "widgets = com/acme/categories.yaml\n")
                .manifest("com/acme/plugins.yaml", """
                        schema_version: "1.0"
                        plugin:
                          name: widgets
                        widget:
                          plain:
                            class: com.acme.Widget
                        """)
                .build(pluginsDir);

        CliRun run = CliRun.of("plugins", "show", "widget", "plain", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  interface:   (the category requires none)\n").doesNotContain("implements:");
        assertThat(CliRun.of("plugins", "show", "widget", "plain", "--json", "--plugins-dir", pluginsDir.toString())
                .json().get("protocol").isNull()).isTrue();
    }

    @Test
    void showJsonTellsWhetherTheClassPassedItsCheck() {
        TestPlugins.impostorJar(pluginsDir);
        TestPlugins.acmeJar(pluginsDir);

        JsonNode impostor = CliRun.of("plugins", "show", "endpoint", "impostor", "--json",
                "--plugins-dir", pluginsDir.toString()).json();
        JsonNode acme = CliRun.of("plugins", "show", "endpoint", "acme", "--json",
                "--plugins-dir", pluginsDir.toString()).json();

        assertThat(impostor.get("class_valid").asBoolean()).isFalse();
        assertThat(impostor.get("problem").asText()).contains("does not implement");
        assertThat(acme.get("class_valid").asBoolean()).isTrue();
        assertThat(acme.get("problem").isNull()).isTrue();
        assertThat(acme.get("protocol").asText()).isEqualTo("dev.aiperf.api.endpoint.Endpoint");
    }

    @Test
    void showUnknownNameSuggestsTheClosestAndExits1() {
        CliRun run = CliRun.of("plugins", "show", "endpoint", "chta");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err().strip()).isEqualTo("aiperf: error: Unknown endpoint type 'chta'."
                + " Did you mean 'chat'? Available: chat, cohere_rankings, completions, embeddings, hf_tei_rankings,"
                + " huggingface_generate, image_generation, nim_embeddings, nim_rankings, raw, responses, template.");
    }

    @Test
    void showPointsToExplainWhenANameIsContested() {
        TestPlugins.chatOverrideJar(pluginsDir, 10);

        CliRun run = CliRun.of("plugins", "show", "endpoint", "chat", "--plugins-dir", pluginsDir.toString());

        assertThat(run.out()).contains("com.acme.BetterChatEndpoint")
                .contains("competitors: 1 other entry; see: aiperf plugins explain endpoint chat");
    }

    @Test
    void explainShowsBothCandidatesAndThePriorityRule() {
        TestPlugins.chatOverrideJar(pluginsDir, 10);

        CliRun run = CliRun.of("plugins", "explain", "endpoint", "chat", "--plugins-dir", pluginsDir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .startsWith("endpoint 'chat' resolves to com.acme.BetterChatEndpoint [better-chat, priority 10]")
                .containsPattern("(?m)^\\s+dev\\.aiperf\\.endpoint\\.ChatEndpoint\\s+aiperf\\s+0\\s+built-in\\s")
                .containsPattern("(?m)^\\*\\s+com\\.acme\\.BetterChatEndpoint\\s+better-chat\\s+10\\s+plugin\\s")
                .contains("com.acme.BetterChatEndpoint [better-chat, priority 10] beat"
                        + " dev.aiperf.endpoint.ChatEndpoint [aiperf, priority 0]: PRIORITY");
    }

    @Test
    void explainAtEqualPriorityTheExternalPluginWins() {
        TestPlugins.chatOverrideJar(pluginsDir, 0);

        JsonNode explanation = CliRun.of("plugins", "explain", "endpoint", "chat", "--json",
                "--plugins-dir", pluginsDir.toString()).json();

        assertThat(explanation.at("/winner/class_name").asText()).isEqualTo("com.acme.BetterChatEndpoint");
        assertThat(explanation.get("candidates")).hasSize(2);
        assertThat(explanation.at("/candidates/1/selected").asBoolean()).isTrue();
        assertThat(explanation.at("/decisions/0/rule").asText()).isEqualTo("EXTERNAL_BEATS_BUILTIN");
        assertThat(explanation.at("/decisions/0/challenger_won").asBoolean()).isTrue();
    }

    @Test
    void explainAtLowerPriorityTheBuiltinStays() {
        TestPlugins.chatOverrideJar(pluginsDir, -1);

        CliRun run = CliRun.of("plugins", "explain", "endpoint", "chat", "--plugins-dir", pluginsDir.toString());

        assertThat(run.out()).startsWith("endpoint 'chat' resolves to dev.aiperf.endpoint.ChatEndpoint [aiperf, priority 0]")
                .contains("beat com.acme.BetterChatEndpoint [better-chat, priority -1]: PRIORITY");
    }

    @Test
    void explainAnUncontestedName() {
        CliRun run = CliRun.of("plugins", "explain", "endpoint", "completions");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No conflict: only one entry is registered under this name.");
    }

    @Test
    void explainUnknownNameExits1() {
        CliRun run = CliRun.of("plugins", "explain", "endpoint", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("Unknown endpoint type 'nope'.");
    }
}
