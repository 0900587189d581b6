package dev.aiperf.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.cli.CliRun;
import dev.aiperf.testkit.PluginJarBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiperf plugins [<category> [<name>]] [--all] [--validate [PATH]]}, the original AIPerf's shape. */
class PluginsOriginalShapeTest {
    @TempDir
    Path pluginsDir;

    @TempDir
    Path notInstalled;

    @BeforeEach
    void installAcme() {
        TestPlugins.acmeJar(pluginsDir);
    }

    private CliRun plugins(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "plugins";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--plugins-dir";
        full[args.length + 2] = pluginsDir.toString();
        return CliRun.of(full);
    }

    @Test
    void aloneItShowsThePackagesThenTheCategories() {
        CliRun run = plugins();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^PACKAGE\\s+VERSION\\s+TYPES\\s+DESCRIPTION\\s+SOURCE$")
                .containsPattern("(?m)^acme-plugin\\s+1\\.2\\.3\\s+1\\s+Acme endpoints\\s")
                .containsPattern("(?m)^CATEGORY\\s+TYPES\\s+INTERFACE\\s+DESCRIPTION$")
                .containsPattern("(?m)^endpoint\\s+13\\s+dev\\.aiperf\\.api\\.endpoint\\.Endpoint\\s")
                .contains("'aiperf plugins <category>'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aloneWithJsonGivesPackagesAndCategories() {
        JsonNode overview = plugins("--json").json();

        assertThat(ListCommandsTest.find(overview.get("packages"), "name", "acme-plugin").get("types").asInt())
                .isEqualTo(1);
        assertThat(ListCommandsTest.find(overview.get("categories"), "name", "endpoint").get("protocol").asText())
                .isEqualTo("dev.aiperf.api.endpoint.Endpoint");
    }

    @Test
    void allListsEveryCategoryInternalOnesTooWithEveryType() {
        CliRun run = plugins("--all");
        CliRun shortForm = plugins("-a");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^endpoint\\s+dev\\.aiperf\\.api\\.endpoint\\.Endpoint\\s+"
                + "chat, completions, embeddings, responses, nim_embeddings, nim_rankings, hf_tei_rankings,"
                + " cohere_rankings, huggingface_generate, image_generation, template, raw, acme$")
                .containsPattern("(?m)^\\S+ \\(internal\\)\\s");
        assertThat(shortForm.out()).isEqualTo(run.out());
    }

    @Test
    void allWithJsonGivesEveryTypeInFull() {
        JsonNode all = plugins("--all", "--json").json();

        JsonNode endpoint = null;
        for (JsonNode category : all) {
            if (category.at("/category/name").asText().equals("endpoint")) {
                endpoint = category;
            }
        }
        assertThat(endpoint).isNotNull();
        assertThat(ListCommandsTest.find(endpoint.get("types"), "name", "acme").get("class_name").asText())
                .isEqualTo("com.acme.AcmeEndpoint");
    }

    @Test
    void aCategoryListsItsTypesExactlyAsListImplementations() {
        CliRun shape = plugins("endpoint");
        CliRun subcommand = plugins("list-implementations", "endpoint");

        assertThat(shape.exitCode()).as(shape.toString()).isZero();
        assertThat(shape.out()).contains("com.acme.AcmeEndpoint").isEqualTo(subcommand.out());
        assertThat(plugins("endpoint", "--json").out()).isEqualTo(plugins("list-implementations", "endpoint", "--json").out());
    }

    @Test
    void aCategoryAndANameShowOneTypeExactlyAsShow() {
        CliRun shape = plugins("endpoint", "acme");

        assertThat(shape.exitCode()).as(shape.toString()).isZero();
        assertThat(shape.out()).startsWith("endpoint 'acme'\n").isEqualTo(plugins("show", "endpoint", "acme").out());
        assertThat(plugins("--category", "endpoint", "--name", "acme").out()).isEqualTo(shape.out());
    }

    @Test
    void anImpostorClassIsNotClaimedToImplementTheInterface() {
        TestPlugins.impostorJar(pluginsDir);

        CliRun run = plugins("endpoint", "impostor");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).doesNotContain("implements:").contains("does not implement");
    }

    @Test
    void validateChecksEverythingInstalled() {
        CliRun run = plugins("--validate");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("installed plugins: valid \\(\\d+ entries in 2 packages\\)");
        assertThat(plugins("-v").out()).isEqualTo(run.out());
        assertThat(plugins("validate").out()).isEqualTo(run.out());
    }

    @Test
    void validateFindsAClassThatDoesNotImplementItsInterface() {
        TestPlugins.impostorJar(pluginsDir);

        CliRun run = plugins("--validate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("endpoint:impostor (impostor-plugin, com.acme.Impostor): error: "
                        + "com.acme.Impostor does not implement dev.aiperf.api.endpoint.Endpoint")
                .contains("installed plugins: invalid: 1 problem");
        assertThat(plugins("--validate", "--json").json().get("valid").asBoolean()).isFalse();
    }

    @Test
    void validateCountsAPluginThatCouldNotBeLoaded() {
        PluginJarBuilder.named("broken-plugin")
                .manifest("com/broken/plugins.yaml", "schema_version: \"1.0\"\nendpoint: [not, a, mapping\n")
                .build(pluginsDir);

        CliRun run = plugins("--validate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).containsPattern("(?m)^skipped plugin: .*broken-plugin\\.jar")
                .contains("installed plugins: invalid: 1 problem");
    }

    @Test
    void validateWithAPathChecksThatFileExactlyAsValidate() {
        Path jar = TestPlugins.impostorJar(notInstalled);

        CliRun shape = plugins("--validate", jar.toString());

        assertThat(shape.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(shape.out()).contains("does not implement").isEqualTo(plugins("validate", jar.toString()).out());
    }

    @Test
    void anUnknownCategorySuggestsTheClosestCategory() {
        CliRun run = plugins("endpont");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("aiperf: error: Unknown plugin category 'endpont'. Did you mean 'endpoint'?"));
    }

    @Test
    void aMistypedSubcommandSuggestsTheSubcommand() {
        CliRun run = plugins("list-plugin");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).startsWith("aiperf: error: Unknown plugin category 'list-plugin'."
                + " Did you mean the command 'list-plugins'?");
    }

    @Test
    void anUnknownNameSuggestsTheClosestName() {
        CliRun run = plugins("endpoint", "acm");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).startsWith("aiperf: error: Unknown endpoint type 'acm'. Did you mean 'acme'?");
    }

    @Test
    void aSubcommandsNameIsTheSubcommandUnlessGivenAsAnOptionOrAfterDoubleDash() {
        // 'show' alone runs the subcommand (which then misses its arguments: a usage error) ...
        assertThat(plugins("show").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun typeNamedShow = CliRun.of("plugins", "endpoint", "show");
        assertThat(typeNamedShow.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typeNamedShow.err()).contains("aiperf: note: 'show' ran the subcommand of that name;"
                + " for a type named 'show' write: aiperf plugins endpoint --name show");
        // ... while --category and '--' make it a category name.
        for (CliRun run : new CliRun[] {plugins("--category", "show"), CliRun.of("plugins", "--", "show")}) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(run.err()).startsWith("aiperf: error: Unknown plugin category 'show'.")
                    .doesNotContain("Did you mean");
        }
    }

    @Test
    void optionsBeforeASubcommandApplyToIt() {
        JsonNode packages = CliRun.of("plugins", "--json", "--plugins-dir", pluginsDir.toString(), "list-plugins").json();

        assertThat(ListCommandsTest.find(packages, "name", "acme-plugin").get("version").asText()).isEqualTo("1.2.3");
    }

    @Test
    void theOverviewsOwnArgumentsBeforeASubcommandAreAUsageError() {
        CliRun run = CliRun.of("plugins", "--all", "show", "endpoint", "chat");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("aiperf: error: --all cannot be combined with the subcommand 'show'");
    }

    @Test
    void contradictoryShapesAreUsageErrors() {
        assertThat(plugins("--all", "endpoint").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plugins("--validate", "--all").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plugins("--name", "chat").err()).startsWith("aiperf: error: --name needs a category");
        assertThat(plugins("endpoint", "--category", "ui").err()).contains("disagree");
    }
}
