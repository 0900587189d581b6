package dev.aiperf.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading plugins.yaml: structure, types, YAML 1.2 semantics and the errors a user sees. */
class ManifestLoadingTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("plugins.yaml"), yaml);
    }

    private static final String HEADER = """
            schema_version: "1.0"
            plugin:
              name: my-plugin
              version: 1.2.3
              description: Mine
              author: Me
              license: MIT
            """;

    @Test
    void validManifestRegistersEntriesWithPackageMetadata() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    description: Shouts
                    priority: 3
                    metadata:
                      language: fr
                      loud: true
                """);

        PackageMetadata pkg = registry.loadRegistry(file);

        assertThat(pkg).isEqualTo(new PackageMetadata("my-plugin", "1.2.3", "Mine", "Me", "MIT", file.toString()));
        assertThat(pkg.isBuiltin()).isFalse();
        TypeEntry entry = registry.getType("greeter", "shout");
        assertThat(entry.packageName()).isEqualTo("my-plugin");
        assertThat(entry.classPath()).isEqualTo("dev.aiperf.plugin.fixtures.PoliteGreeter");
        assertThat(entry.priority()).isEqualTo(3);
        assertThat(entry.description()).isEqualTo("Shouts");
        assertThat(entry.metadata()).containsEntry("language", "fr").containsEntry("loud", true);
        assertThat(entry.isBuiltin()).isFalse();
        assertThat(entry.location()).isEqualTo(new ManifestLocation(file.toString(), 9, 3));
        assertThat(registry.listPackages(false)).containsExactly("aiperf", "my-plugin");
    }

    @Test
    void unknownKeyNamesFileLineColumnAndSuggestsTheValidKey() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    clas: dev.aiperf.plugin.fixtures.PoliteGreeter
                """);

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> registry.loadRegistry(file));

        assertThat(e.getMessage()).startsWith(file + ":10:5: unknown key 'clas' in greeter entry 'shout'; "
                + "did you mean 'class'? Valid keys: class, description, priority, metadata");
        assertThat(e.problems()).extracting(ManifestProblem::message)
                .anyMatch(m -> m.equals("greeter entry 'shout' has no 'class'"));
        assertThat(registry.listTypes("greeter")).extracting(TypeEntry::name).doesNotContain("shout");
    }

    @Test
    void missingClassIsAnErrorAtTheEntry() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    description: no class here
                """);

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> registry.loadRegistry(file));

        assertThat(e.line()).isEqualTo(10);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.getMessage()).endsWith("greeter entry 'shout' has no 'class'");
    }

    @Test
    void wrongTypesAreReportedWithWhatWasExpected() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    priority: high
                    description: [not, a, string]
                    metadata: just text
                """);

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> registry.loadRegistry(file));

        assertThat(e.problems()).extracting(ManifestProblem::toString).containsExactly(
                file + ":11:15: priority in greeter entry 'shout' must be an integer, found a string",
                file + ":12:18: description in greeter entry 'shout' must be a string, found a list",
                file + ":13:15: metadata in greeter entry 'shout' must be a mapping, found a string");
        assertThat(e.getMessage()).endsWith("(and 2 more problems)");
    }

    @Test
    void invalidStructureAtTopLevelAndInSections() throws IOException {
        assertThatThrownBy(() -> registry.loadRegistry(write("- just\n- a list\n")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining(":1:1: a plugins manifest must be a mapping");
        assertThatThrownBy(() -> registry.loadRegistry(write(HEADER + "greeter: [a, b]\n")))
                .hasMessageContaining(":8:10: category section 'greeter' must map type names to entries, found a list");
        assertThatThrownBy(() -> registry.loadRegistry(write(HEADER + "greeter:\n  shout: dev.x.Y\n")))
                .hasMessageContaining(":9:10: greeter entry 'shout' must be a mapping");
        assertThatThrownBy(() -> registry.loadRegistry(write(HEADER + "greeter:\n  a.b:\n    class: x.Y\n")))
                .hasMessageContaining("invalid type name 'a.b' in 'greeter'");
        assertThatThrownBy(() -> registry.loadRegistry(write(HEADER + "greeter:\n  x:\n    class: 1abc.Y\n")))
                .hasMessageContaining("class '1abc.Y' in greeter entry 'x' is not a class name");
    }

    @Test
    void pluginSectionIsStrictWhenPresent() throws IOException {
        assertThatThrownBy(() -> registry.loadRegistry(write("plugin:\n  name: x\n  homepage: y\n")))
                .hasMessageContaining(":3:3: unknown key 'homepage' in the plugin section");
        assertThatThrownBy(() -> registry.loadRegistry(write("plugin:\n  version: 1\n")))
                .hasMessageContaining(":2:3: the plugin section has no 'name'");
    }

    @Test
    void invalidYamlIsOneClearLineWithoutAParserTrace() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    class: "unterminated
                """);

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> registry.loadRegistry(file));

        assertThat(e.getMessage()).startsWith(file + ":").contains("invalid YAML").doesNotContain("\n")
                .doesNotContain("org.snakeyaml").doesNotContain("^");
        assertThat(e.problems().getFirst().kind()).isEqualTo(ManifestProblem.Kind.SYNTAX);
        assertThat(e.line()).isGreaterThanOrEqualTo(11);
    }

    @Test
    void badIndentationIsASyntaxErrorWithPosition() throws IOException {
        Path file = write("plugin:\n  name: x\n bad: indent\n");

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> registry.loadRegistry(file));

        assertThat(e.getMessage()).matches(java.util.regex.Pattern.quote(file.toString()) + ":3:\\d+: invalid YAML: .*");
    }

    @Test
    void duplicateKeysAreErrorsAtTheSecondOccurrence() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                  shout:
                    class: dev.aiperf.plugin.fixtures.HelloGreeter
                """);

        assertThatThrownBy(() -> registry.loadRegistry(file)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(file + ":11:3: duplicate key 'shout' (first defined at line 9)");
    }

    @Test
    void namesThatDifferOnlyByCaseOrDashAreDuplicates() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  my-greeter:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                  My_Greeter:
                    class: dev.aiperf.plugin.fixtures.HelloGreeter
                """);

        assertThatThrownBy(() -> registry.loadRegistry(file)).hasMessageContaining("duplicate key 'My_Greeter'");
    }

    @Test
    void duplicateKeysInsideMetadataAreErrorsToo() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  shout:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    metadata:
                      language: en
                      language: fr
                """);

        assertThatThrownBy(() -> registry.loadRegistry(file)).hasMessageContaining(":13:7: duplicate key 'language'");
    }

    @Test
    void yaml12KeepsOnNoYesAsStrings() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  on:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    metadata: {language: no}
                  no:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                  yes:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                """);

        registry.loadRegistry(file);

        assertThat(registry.listTypes("greeter")).extracting(TypeEntry::name).contains("on", "no", "yes");
        assertThat(registry.getType("greeter", "on").metadata()).containsEntry("language", "no");
    }

    @Test
    void emptyFileIsAWarningAndRegistersNothing() throws IOException {
        int before = registry.allEntries().size();

        PackageMetadata pkg = registry.loadRegistry(write("# only a comment\n"));

        assertThat(pkg).isNull();
        assertThat(registry.allEntries()).hasSize(before);
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("empty manifest; nothing registered");
        });
    }

    @Test
    void unknownSchemaVersionIsAWarningAndStillLoads() throws IOException {
        Path file = write(HEADER.replace("\"1.0\"", "\"7.0\"") + """
                greeter:
                  future:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                """);

        registry.loadRegistry(file);

        assertThat(registry.getType("greeter", "future").packageName()).isEqualTo("my-plugin");
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p.message())
                .contains(file + ":1:17: unknown schema_version \"7.0\"").contains("loading it anyway"));
    }

    @Test
    void anUndeclaredCategoryIsOpenedAndANearMissIsWarnedAbout() throws IOException {
        Path file = write(HEADER + """
                greter:
                  typo:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                channel:
                  ftp:
                    class: dev.aiperf.plugin.fixtures.HttpChannel
                """);

        registry.loadRegistry(file);

        assertThat(registry.getType("channel", "ftp").packageName()).isEqualTo("my-plugin");
        assertThat(registry.getType("greter", "typo").packageName()).isEqualTo("my-plugin");
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p.toString())
                .contains("category 'greter' is not declared by any categories file; it is opened as a new category."
                        + " Did you mean 'greeter'?").contains(":8:1"));
    }

    @Test
    void anchorsAndFlowStyleWork() throws IOException {
        Path file = write(HEADER + """
                greeter:
                  a: &base {class: dev.aiperf.plugin.fixtures.PoliteGreeter, priority: 2}
                  b: *base
                """);

        registry.loadRegistry(file);

        assertThat(registry.getType("greeter", "b").priority()).isEqualTo(2);
    }
}
