package dev.aiperf.plugin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Validating a manifest for the CLI without running plugin code. */
class ManifestValidatorTest {
    @TempDir
    Path dir;

    private Path jar;
    private final ManifestValidator validator = ManifestValidator.using(getClass().getClassLoader());

    @BeforeEach
    void buildJar() {
        jar = PluginJar.create()
                .source("ext.ExtGreeter", DiscoveryTest.greeterSource("ext", "ExtGreeter", "ext"))
                .source("ext.Exploding", """
                        package ext;
                        public class Exploding implements dev.aiperf.plugin.fixtures.Greeter {
                            static { if (true) throw new IllegalStateException("never run me"); }
                            public String greet(String who) { return who; }
                        }
                        """)
                .source("ext.Unrelated", "package ext; public class Unrelated {}")
                .writeTo(dir.resolve("ext.jar"));
    }

    private Path manifest(String body) throws IOException {
        return Files.writeString(dir.resolve("plugins.yaml"), DiscoveryTest.manifest("ext-plugin", body));
    }

    @Test
    void aValidManifestHasNoProblems() throws IOException {
        ManifestReport report = validator.validate(manifest("""
                greeter:
                  ext:
                    class: ext.ExtGreeter
                    metadata: {language: de, loud: true, repeat_count: 2}
                  exploding:
                    class: ext:Exploding
                """), List.of(jar));

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.packageName()).isEqualTo("ext-plugin");
        assertThat(report.entries()).isEqualTo(2);
    }

    @Test
    void everyProblemIsReportedWithKindAndPosition() throws IOException {
        Path file = manifest("""
                greeter:
                  missing:
                    class: ext.Missing
                  unrelated:
                    class: ext.Unrelated
                  badmeta:
                    class: ext.ExtGreeter
                    metadata: {loud: maybe}
                greter:
                  typo:
                    class: ext.ExtGreeter
                """);

        ManifestReport report = validator.validate(file, List.of(jar));

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).extracting(ManifestProblem::kind, p -> p.location().line(), ManifestProblem::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ManifestProblem.Kind.CLASS, 6, "missing"),
                        org.assertj.core.groups.Tuple.tuple(ManifestProblem.Kind.CLASS, 8, "unrelated"),
                        org.assertj.core.groups.Tuple.tuple(ManifestProblem.Kind.METADATA, 10, "badmeta"),
                        org.assertj.core.groups.Tuple.tuple(ManifestProblem.Kind.UNKNOWN_CATEGORY, 13, null));
        assertThat(report.problems()).extracting(ManifestProblem::message).containsExactlyInAnyOrder(
                "class ext.Missing not found (no ext/Missing.class on the class path of its plugin)",
                "ext.Unrelated does not implement dev.aiperf.plugin.fixtures.Greeter",
                "metadata of greeter 'badmeta' does not fit GreeterMetadata: key 'loud' must be true or false",
                "category 'greter' is not declared by any categories file; it will be opened as a new category"
                        + " (any class accepted). Did you mean 'greeter'?");
        assertThat(report.problems()).filteredOn(p -> p.kind() == ManifestProblem.Kind.UNKNOWN_CATEGORY)
                .singleElement().extracting(ManifestProblem::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void syntaxAndSchemaProblemsAreReportedNotThrown() throws IOException {
        ManifestReport syntax = validator.validate(manifest("greeter:\n  x: [unclosed\n"), List.of());
        ManifestReport schema = validator.validate(manifest("greeter:\n  x: {clas: a.B, priority: x}\n"), List.of());

        assertThat(syntax.problems()).singleElement().extracting(ManifestProblem::kind)
                .isEqualTo(ManifestProblem.Kind.SYNTAX);
        assertThat(schema.problems()).extracting(ManifestProblem::kind).containsOnly(ManifestProblem.Kind.SCHEMA);
        assertThat(schema.problems()).hasSize(3);
    }

    @Test
    void aPluginJarIsValidatedThroughItsIndex() {
        Path plugin = PluginJar.create()
                .source("ext.ExtGreeter", DiscoveryTest.greeterSource("ext", "ExtGreeter", "ext"))
                .manifest("ext/plugins.yaml", DiscoveryTest.manifest("ext-plugin",
                        "greeter:\n  ok:\n    class: ext.ExtGreeter\n  gone:\n    class: ext.Gone\n"))
                .writeTo(dir.resolve("plugin.jar"));

        List<ManifestReport> reports = validator.validateJar(plugin);

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.file()).isEqualTo(plugin + "!/ext/plugins.yaml");
            assertThat(report.problems()).singleElement().extracting(ManifestProblem::name).isEqualTo("gone");
        });
        assertThat(validator.validateJar(jar)).singleElement().satisfies(report ->
                assertThat(report.problems()).singleElement().extracting(ManifestProblem::message)
                        .isEqualTo("no META-INF/aiperf.plugins in this jar"));
    }

    @Test
    void anUnreadableFileIsAProblem() {
        ManifestReport report = validator.validate(dir.resolve("nope.yaml"), List.of());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems().getFirst().message()).startsWith("cannot read:");
    }
}
