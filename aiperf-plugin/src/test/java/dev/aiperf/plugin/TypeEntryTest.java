package dev.aiperf.plugin;

import dev.aiperf.plugin.fixtures.ExplodingGreeter;
import dev.aiperf.plugin.fixtures.GreeterMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TypeEntry: lazy, cached loading with a protocol check; validation from class files only; typed metadata. */
class TypeEntryTest {
    @TempDir
    Path dir;

    private final RecordingClassLoader recorder = new RecordingClassLoader(getClass().getClassLoader());
    private final PluginRegistry registry = PluginRegistry.builder().classLoader(recorder).pluginsDir(null).build();

    private TypeEntry entry(String className) throws IOException {
        return entry(className, "");
    }

    private TypeEntry entry(String className, String metadata) throws IOException {
        Path file = Files.writeString(dir.resolve("plugins.yaml"), """
                plugin: {name: test-plugin}
                greeter:
                  subject:
                    class: %s
                %s""".formatted(className, metadata));
        registry.loadRegistry(file);
        return registry.getType("greeter", "subject");
    }

    @Test
    void loadIsLazyCachedAndGoesThroughTheEntrysClassLoader() throws IOException {
        TypeEntry entry = entry("dev.aiperf.plugin.fixtures.PoliteGreeter");
        assertThat(entry.isLoaded()).isFalse();
        assertThat(recorder.requested()).doesNotContain("dev.aiperf.plugin.fixtures.PoliteGreeter");

        Class<?> first = entry.load();

        assertThat(entry.isLoaded()).isTrue();
        assertThat(entry.load()).isSameAs(first);
        assertThat(entry.classLoader()).isSameAs(recorder);
        assertThat(recorder.requested()).contains("dev.aiperf.plugin.fixtures.PoliteGreeter");
    }

    @Test
    void loadChecksTheProtocol() throws IOException {
        TypeEntry entry = entry("dev.aiperf.plugin.fixtures.NotAGreeter");

        assertThatThrownBy(entry::load).isInstanceOf(PluginLoadException.class)
                .hasMessage("Class dev.aiperf.plugin.fixtures.NotAGreeter of greeter 'subject' (package test-plugin, "
                        + dir.resolve("plugins.yaml") + ":3:3) does not implement dev.aiperf.plugin.fixtures.Greeter,"
                        + " the protocol of category 'greeter'");
        assertThat(entry.isLoaded()).isFalse();
    }

    @Test
    void loadReportsAMissingClass() throws IOException {
        TypeEntry entry = entry("dev.aiperf.plugin.fixtures.Missing");

        assertThatThrownBy(entry::load).isInstanceOf(PluginLoadException.class)
                .hasMessageStartingWith("Class dev.aiperf.plugin.fixtures.Missing of greeter 'subject'")
                .hasMessageEndingWith("was not found");
    }

    @Test
    void validateNeverLoadsOrInitialisesTheClass() throws Exception {
        TypeEntry entry = entry(ExplodingGreeter.class.getName().replace("ExplodingGreeter", "Exploding" + "Greeter"));

        ValidationResult result = entry.validate(true);

        assertThat(result.valid()).as(String.valueOf(result.error())).isTrue();
        assertThat(recorder.requested()).doesNotContain("dev.aiperf.plugin.fixtures.ExplodingGreeter");
        assertThat(entry.isLoaded()).isFalse();
        // Running it for real does blow up: the check above is meaningful.
        Class<?> cls = entry.load();
        assertThatThrownBy(() -> cls.getDeclaredConstructor().newInstance())
                .isInstanceOf(ExceptionInInitializerError.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HelloGreeter                 | 
            FriendlyGreeter              | 
            PoliteGreeter                | 
            GreeterHolder$Nested         | 
            Missing                      | class dev.aiperf.plugin.fixtures.Missing not found
            NotAGreeter                  | dev.aiperf.plugin.fixtures.NotAGreeter does not implement dev.aiperf.plugin.fixtures.Greeter
            BaseGreeter                  | dev.aiperf.plugin.fixtures.BaseGreeter is abstract; a plugin class must be concrete
            PoliteGreeting               | dev.aiperf.plugin.fixtures.PoliteGreeting is an interface; a plugin class must be concrete
            HiddenGreeter                | dev.aiperf.plugin.fixtures.HiddenGreeter is not public
            GreeterHolder$Inner          | dev.aiperf.plugin.fixtures.GreeterHolder$Inner is not public and static
            """)
    void validateReadsClassFiles(String simpleName, String expectedError) throws IOException {
        TypeEntry entry = entry("dev.aiperf.plugin.fixtures." + simpleName);

        ValidationResult result = entry.validate(true);

        if (expectedError == null || expectedError.isBlank()) {
            assertThat(result.valid()).as(String.valueOf(result.error())).isTrue();
            assertThat(result.error()).isNull();
        } else {
            assertThat(result.valid()).isFalse();
            assertThat(result.error()).startsWith(expectedError);
        }
        assertThat(result.classPath()).isEqualTo("dev.aiperf.plugin.fixtures." + simpleName);
        // Only the metadata record may be loaded (to check the entry's metadata); no greeter class is.
        assertThat(recorder.requested()).filteredOn(name -> name.startsWith("dev.aiperf.plugin.fixtures."))
                .isSubsetOf("dev.aiperf.plugin.fixtures.GreeterMetadata");
    }

    @Test
    void validateWithoutClassCheckOnlyLooksAtTheName() throws IOException {
        assertThat(entry("dev.aiperf.plugin.fixtures.Missing").validate(false).valid()).isTrue();
    }

    @Test
    void validateChecksTypedMetadata() throws IOException {
        TypeEntry entry = entry("dev.aiperf.plugin.fixtures.HelloGreeter", "    metadata: {language: en, lound: true}\n");

        ValidationResult result = entry.validate(true);

        assertThat(result.valid()).isFalse();
        assertThat(result.error()).contains("unknown key 'lound'; did you mean 'loud'?");
    }

    @Test
    void typedMetadataUsesTheCategorysMetadataClass() {
        TypeEntry hello = registry.getType("greeter", "hello");

        assertThat(hello.typedMetadata()).contains(new GreeterMetadata("en", false, 1));
        assertThat(hello.metadata(GreeterMetadata.class)).isEqualTo(new GreeterMetadata("en", false, 1));
        assertThat(registry.getType("channel", "http").typedMetadata()).isEmpty();
        assertThat(registry.getType("channel", "http").metadata()).containsEntry("url_schemes",
                java.util.List.of("http", "https"));
    }

    @Test
    void metadataIsImmutableAllTheWayDown() {
        var schemes = registry.getType("channel", "http").metadata().get("url_schemes");

        assertThatThrownBy(() -> registry.getType("channel", "http").metadata().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((java.util.List<Object>) schemes).add("ftp"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownOrMistypedMetadataKeysNameTheManifestAndEntry() throws IOException {
        TypeEntry unknown = entry("dev.aiperf.plugin.fixtures.HelloGreeter", "    metadata: {langauge: en}\n");
        assertThatThrownBy(unknown::typedMetadata).isInstanceOf(ManifestException.class)
                .hasMessage(dir.resolve("plugins.yaml") + ":3:3: metadata of greeter.subject does not fit "
                        + "GreeterMetadata: unknown key 'langauge'; did you mean 'language'? "
                        + "Valid keys: language, loud, repeat_count");

        registry.reset();
        TypeEntry mistyped = entry("dev.aiperf.plugin.fixtures.HelloGreeter", "    metadata: {repeat_count: many}\n");
        assertThatThrownBy(mistyped::typedMetadata).isInstanceOf(ManifestException.class)
                .hasMessageEndingWith("metadata of greeter.subject does not fit GreeterMetadata: "
                        + "key 'repeat_count' must be an integer");

        registry.reset();
        TypeEntry stringBool = entry("dev.aiperf.plugin.fixtures.HelloGreeter", "    metadata: {loud: \"yes\"}\n");
        assertThatThrownBy(stringBool::typedMetadata).hasMessageEndingWith("key 'loud' must be true or false");
    }

    @Test
    void entriesAreValuesWithAReadableToString() {
        TypeEntry hello = registry.getType("greeter", "hello");

        assertThat(hello).isEqualTo(registry.getType("greeter", "dev.aiperf.plugin.fixtures.HelloGreeter"))
                .hasSameHashCodeAs(registry.getType("greeter", "hello"));
        assertThat(hello.toString()).isEqualTo("greeter:hello -> dev.aiperf.plugin.fixtures.HelloGreeter [aiperf, priority 0]");
        assertThat(hello.categoryMetadata().name()).isEqualTo("greeter");
    }
}
