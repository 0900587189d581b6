package dev.aiperf.plugin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The package a manifest's entries belong to: its plugin: section, or a name the registry derives. */
class PackageNameTest {
    private static final String NO_SECTION = """
            schema_version: "1.0"
            greeter:
              bare:
                class: dev.aiperf.plugin.fixtures.PoliteGreeter
            """;

    @TempDir
    Path dir;

    private PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    @AfterEach
    void close() throws IOException {
        registry.close();
        assertPackagesAgree();
    }

    /** listPackages() and every entry's packageName() name the same packages. */
    private void assertPackagesAgree() {
        Set<String> fromEntries = new TreeSet<>();
        registry.allEntries().forEach(e -> fromEntries.add(e.packageName()));
        assertThat(new TreeSet<>(registry.listPackages(false))).isEqualTo(fromEntries);
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void withoutPluginSectionAJarManifestIsNamedByItsIndexLine() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.create()
                .resource("bare/plugins.yaml", NO_SECTION)
                .resource("META-INF/aiperf.plugins", "# no plugin: section in the manifest\nbare-greeters = bare/plugins.yaml\n")
                .writeTo(plugins.resolve("bare.jar"));
        registry = PluginRegistry.builder().pluginsDir(plugins).build();

        TypeEntry entry = registry.getType("greeter", "bare");

        assertThat(entry.packageName()).isEqualTo("bare-greeters");
        assertThat(registry.listPackages(false)).containsExactly("aiperf", "bare-greeters");
        PackageMetadata pkg = registry.getPackageMetadata("bare-greeters");
        assertThat(pkg.version()).isEqualTo("unknown");
        assertThat(pkg.author()).isEqualTo("unknown");
        assertThat(pkg.description()).isEqualTo("unknown");
        assertThat(pkg.license()).isEqualTo("unknown");
        assertThat(entry.isBuiltin()).isFalse();
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void loadRegistryUsesTheGivenNameElseTheFilesAbsolutePath() throws IOException {
        Path named = write("named.yaml", NO_SECTION.replace("bare:", "named:"));
        Path derived = write("derived.yaml", NO_SECTION.replace("bare:", "derived:"));

        assertThat(registry.loadRegistry(named, "my-greeters").name()).isEqualTo("my-greeters");
        PackageMetadata pkg = registry.loadRegistry(derived);

        assertThat(pkg.name()).isEqualTo(derived.toAbsolutePath().normalize().toString());
        assertThat(registry.getType("greeter", "derived").packageName()).isEqualTo(pkg.name());
        assertThat(registry.getType("greeter", "named").packageName()).isEqualTo("my-greeters");
        assertThat(registry.listPackages(false)).containsExactly("aiperf", "my-greeters", pkg.name());
        // The same file gives the same name: loading it again adds nothing.
        assertThat(registry.loadRegistry(derived).name()).isEqualTo(pkg.name());
        assertThat(registry.allEntries()).filteredOn(e -> e.name().equals("derived")).hasSize(1);
    }

    @Test
    void aSectionNameWinsOverTheGivenName() throws IOException {
        Path file = write("p.yaml", "plugin: {name: declared}\n" + NO_SECTION.replace("schema_version: \"1.0\"\n", ""));

        assertThat(registry.loadRegistry(file, "ignored").name()).isEqualTo("declared");
        assertThat(registry.getPackageMetadata("declared").version()).isEmpty();
    }

    @Test
    void anEmptyMappingOrOnlySchemaVersionRegistersNothingWithoutError() throws IOException {
        int before = registry.allEntries().size();

        assertThat(registry.loadRegistry(write("empty.yaml", "{}\n"))).isNull();
        assertThat(registry.loadRegistry(write("version.yaml", "schema_version: \"1.0\"\n"))).isNull();

        assertThat(registry.allEntries()).hasSize(before);
        assertThat(registry.listPackages(false)).containsExactly("aiperf");
        assertThat(registry.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
    }

    @Test
    void aManifestLoadedTwiceNeverDuplicatesEntriesAndItsPackageIsListedOnce() throws IOException {
        Path file = write("plugins.yaml", """
                schema_version: "1.0"
                plugin: {name: twice, version: 1.0.0}
                greeter:
                  hello:   # wins over the built-in
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    priority: 5
                  loser:   # loses to the runtime registration at priority 9
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                """);
        registry.register("greeter", "loser", dev.aiperf.plugin.fixtures.FriendlyGreeter.class, 9, false);

        registry.loadRegistry(file);
        int entries = registry.allEntries().size();
        registry.loadRegistry(file);
        registry.loadRegistry(file, "other-name-ignored");

        assertThat(registry.allEntries()).hasSize(entries);
        assertThat(registry.explain("greeter", "loser").candidates()).hasSize(2);
        assertThat(registry.explain("greeter", "hello").candidates()).hasSize(2);
        assertThat(registry.listPackages(false)).containsExactly("aiperf", "runtime", "twice");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void runtimeRegistrationsFormTheRuntimePackage() {
        registry.register("greeter", "rt", dev.aiperf.plugin.fixtures.PoliteGreeter.class, 0, false);

        assertThat(registry.getType("greeter", "rt").packageName()).isEqualTo("runtime");
        assertThat(registry.getPackageMetadata("runtime").version()).isEqualTo("unknown");
    }
}
