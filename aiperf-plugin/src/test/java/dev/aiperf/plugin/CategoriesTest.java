package dev.aiperf.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** categories.yaml: declarations, their errors, and re-declarations. */
class CategoriesTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.empty();

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("categories.yaml"), yaml);
    }

    @Test
    void declaresEveryFieldWithDefaults() throws IOException {
        Path file = write("""
                schema_version: "1.0"
                greeter:
                  protocol: dev.aiperf.plugin.fixtures:Greeter
                  metadata_class: dev.aiperf.plugin.fixtures.GreeterMetadata
                  enum: GreeterType
                  description: Says hello
                Plain-Kind:
                  protocol: java.lang.Runnable
                """);

        registry.loadCategories(file);

        assertThat(registry.getCategoryMetadata("greeter")).isEqualTo(new CategoryMetadata("greeter",
                "dev.aiperf.plugin.fixtures.Greeter", "dev.aiperf.plugin.fixtures.GreeterMetadata",
                "GreeterType", "Says hello", false, new ManifestLocation(file.toString(), 2, 1)));
        assertThat(registry.getCategoryMetadata("plain_kind"))
                .extracting(CategoryMetadata::metadataClass, CategoryMetadata::internal, CategoryMetadata::description)
                .containsExactly(null, false, "");
        assertThat(registry.listTypes("plain-kind")).isEmpty();
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path file = write("""
                greeter:
                  protocl: a.B
                  internal: sometimes
                other: just text
                """);

        ManifestException e = org.assertj.core.api.Assertions.catchThrowableOfType(ManifestException.class,
                () -> registry.loadCategories(file));

        assertThat(e.problems()).extracting(ManifestProblem::toString).containsExactly(
                file + ":2:3: unknown key 'protocl' in category 'greeter'; did you mean 'protocol'? "
                        + "Valid keys: protocol, metadata_class, enum, description, internal",
                file + ":2:3: category 'greeter' has no 'protocol'",
                file + ":3:13: internal in category 'greeter' must be true or false, found a string",
                file + ":4:8: category 'other' must be a mapping with keys protocol, metadata_class, enum, "
                        + "description, internal, found a string");
        assertThat(registry.listCategories(true)).isEmpty();
    }

    @Test
    void invalidYamlAndDuplicateCategoriesAreErrors() throws IOException {
        assertThatThrownBy(() -> registry.loadCategories(write("a: {protocol: [x}\n")))
                .isInstanceOf(ManifestException.class).hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> registry.loadCategories(write("a: {protocol: x.Y}\na: {protocol: x.Z}\n")))
                .hasMessageContaining(":2:1: duplicate key 'a'");
    }

    @Test
    void aSecondDifferentDeclarationIsIgnoredWithAWarning() throws IOException {
        registry.loadCategories(write("greeter: {protocol: dev.aiperf.plugin.fixtures.Greeter}\n"));
        Path second = Files.writeString(dir.resolve("second.yaml"), "greeter: {protocol: java.lang.Runnable}\n");

        registry.loadCategories(second);

        assertThat(registry.getCategoryMetadata("greeter").protocol()).isEqualTo("dev.aiperf.plugin.fixtures.Greeter");
        assertThat(registry.problems()).singleElement().extracting(DiscoveryProblem::message).asString()
                .contains("already declared").contains("is ignored");
    }

    @Test
    void anEmptyCategoriesFileIsAWarning() throws IOException {
        assertThat(registry.loadCategories(write(""))).isEmpty();
        assertThat(registry.problems()).singleElement().extracting(DiscoveryProblem::severity)
                .isEqualTo(Severity.WARNING);
    }
}
