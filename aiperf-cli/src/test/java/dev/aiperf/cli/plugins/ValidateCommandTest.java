package dev.aiperf.cli.plugins;

import dev.aiperf.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.testkit.PluginJarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: real manifests against real jars; plugin classes throw if initialised, so none may run. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGoodManifestWithItsJarIsValid() throws IOException {
        Path jar = TestPlugins.acmeJar(dir.resolve("lib"));
        Path manifest = write("plugins.yaml", TestPlugins.ACME_MANIFEST);

        CliRun run = validate(manifest.toString(), "--classpath", jar.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo(manifest + ": valid (package acme-plugin, 1 entry)");
    }

    @Test
    void aMissingClassIsAnErrorAtTheEntrysLine() throws IOException {
        Path manifest = write("plugins.yaml", TestPlugins.ACME_MANIFEST);

        CliRun run = validate(manifest.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(manifest.toString()) + ":7:3: error: .*com\\.acme\\.AcmeEndpoint")
                .contains(manifest + ": invalid: 1 error (package acme-plugin, 1 entry)");
    }

    @Test
    void aClassThatDoesNotImplementTheProtocolIsAnError() throws IOException {
        Path jar = PluginJarBuilder.named("wrong").source("com.acme.NotAnEndpoint", TestPlugins.NOT_AN_ENDPOINT)
                .build(dir.resolve("lib"));
        Path manifest = write("plugins.yaml", """
                schema_version: "1.0"
                plugin: {name: wrong}
                endpoint:
                  wrong:
                    class: com.acme.NotAnEndpoint
                """);

        CliRun run = validate(manifest.toString(), "-cp", jar.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains(manifest + ":4:3:")
                .contains("error:")
                .contains("dev.aiperf.api.endpoint.Endpoint");
    }

    @Test
    void badYamlIsReportedWithLineAndColumn() throws IOException {
        Path manifest = write("plugins.yaml", """
                schema_version: "1.0"
                plugin:
                  name: broken
                endpoint:
                  x: [unclosed
                """);

        CliRun run = validate(manifest.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(manifest.toString()) + ":\\d+:\\d+: error: ");
        JsonNode problem = validate(manifest.toString(), "--json").json().at("/manifests/0/problems/0");
        assertThat(problem.get("kind").asText()).isEqualTo("SYNTAX");
        assertThat(problem.get("line").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(problem.get("column").asInt()).isPositive();
    }

    @Test
    void anUnknownCategorySuggestsTheClosest() throws IOException {
        Path manifest = write("plugins.yaml", """
                schema_version: "1.0"
                plugin: {name: typo}
                endpont:
                  x:
                    class: com.acme.X
                """);

        CliRun run = validate(manifest.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains(manifest + ":3:").contains("category 'endpont' is not declared")
                .contains("Did you mean 'endpoint'?");
    }

    @Test
    void jsonOutputForScripts() throws IOException {
        Path jar = TestPlugins.acmeJar(dir.resolve("lib"));
        Path manifest = write("plugins.yaml", TestPlugins.ACME_MANIFEST);

        CliRun run = validate(manifest.toString(), "--classpath", jar.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.at("/manifests/0/package_name").asText()).isEqualTo("acme-plugin");
        assertThat(result.at("/manifests/0/entries").asInt()).isEqualTo(1);
        assertThat(result.at("/manifests/0/problems")).isEmpty();
    }

    @Test
    void aPluginJarIsValidatedThroughItsIndex() {
        Path jar = TestPlugins.acmeJar(dir);

        CliRun run = validate(jar.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo(jar + "!/com/acme/plugins.yaml: valid (package acme-plugin, 1 entry)");
    }

    @Test
    void overridingABuiltinIsNoted() throws IOException {
        Path jar = TestPlugins.chatOverrideJar(dir.resolve("lib"), 10);
        Path manifest = write("plugins.yaml", """
                schema_version: "1.0"
                plugin: {name: better-chat}
                endpoint:
                  chat:
                    class: com.acme.BetterChatEndpoint
                    priority: 10
                """);

        CliRun run = validate(manifest.toString(), "--classpath", jar.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("note: endpoint 'chat': com.acme.BetterChatEndpoint [better-chat, priority 10]"
                + " beat dev.aiperf.endpoint.ChatEndpoint [aiperf, priority 0]: PRIORITY");
    }

    @Test
    void aManifestThatDoesNotExistIsExit1() {
        CliRun run = validate(dir.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err().strip()).isEqualTo("aiperf: error: no such file: " + dir.resolve("missing.yaml"));
    }

    @Test
    void aClassPathEntryThatDoesNotExistIsExit1() throws IOException {
        Path manifest = write("plugins.yaml", TestPlugins.ACME_MANIFEST);

        CliRun run = validate(manifest.toString(), "--classpath", dir.resolve("nope.jar").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("--classpath entry").contains("nope.jar");
    }

    private CliRun validate(String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "plugins";
        full[1] = "validate";
        System.arraycopy(args, 0, full, 2, args.length);
        full[args.length + 2] = "--plugins-dir";
        full[args.length + 3] = dir.toString();
        return CliRun.of(full);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
