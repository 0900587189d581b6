package dev.aiperf.plugin;

import dev.aiperf.plugin.fixtures.PoliteGreeter;

import dev.aiperf.plugin.fixtures.Greeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery from the class path and from real jars in a plugins directory, with class-loader isolation. */
class DiscoveryTest {
    @TempDir
    Path dir;

    private PluginRegistry registry;

    @AfterEach
    void close() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    static String greeterSource(String pkg, String simpleName, String greeting) {
        return """
                package %s;
                public class %s implements dev.aiperf.plugin.fixtures.Greeter {
                    public String greet(String who) { return "%s " + who; }
                }
                """.formatted(pkg, simpleName, greeting);
    }

    static String manifest(String packageName, String body) {
        return """
                schema_version: "1.0"
                plugin:
                  name: %s
                  version: 1.0.0
                %s""".formatted(packageName, body);
    }

    private Path pluginsDir() throws IOException {
        return Files.createDirectories(dir.resolve("plugins"));
    }

    private Path alphaJar(Path pluginsDir) {
        return PluginJar.create()
                .source("alpha.AlphaGreeter", greeterSource("alpha", "AlphaGreeter", "alpha"))
                .manifest("alpha/plugins.yaml", manifest("alpha-plugin", """
                        greeter:
                          alpha:
                            class: alpha.AlphaGreeter
                            description: From the alpha jar
                        """))
                .writeTo(pluginsDir.resolve("alpha.jar"));
    }

    private Path betaJar(Path pluginsDir) {
        // Beta tries to use alpha's class: it must not see it.
        return PluginJar.create()
                .source("beta.BetaGreeter", greeterSource("beta", "BetaGreeter", "beta"))
                .manifest("beta/plugins.yaml", manifest("beta-plugin", """
                        greeter:
                          beta:
                            class: beta.BetaGreeter
                          borrowed:
                            class: alpha.AlphaGreeter
                        """))
                .writeTo(pluginsDir.resolve("beta.jar"));
    }

    @Test
    void classPathIndexesAreDiscovered() {
        registry = PluginRegistry.builder().pluginsDir(null).build();

        assertThat(registry.listCategories(true)).containsExactly("greeter", "channel", "secret");
        assertThat(registry.listPackages(true)).containsExactly("aiperf");
        assertThat(registry.getType("greeter", "hello").isBuiltin()).isTrue();
        assertThat(registry.getPackageMetadata("aiperf").version()).isEqualTo("9.9.9");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void jarsInThePluginsDirectoryAreDiscoveredEachInItsOwnClassLoader() throws IOException {
        Path plugins = pluginsDir();
        alphaJar(plugins);
        betaJar(plugins);
        registry = PluginRegistry.builder().pluginsDir(plugins).build();

        Class<? extends Greeter> alpha = registry.getClass(Category.of("greeter", Greeter.class), "alpha");
        Class<? extends Greeter> beta = registry.getClass(Category.of("greeter", Greeter.class), "beta");

        assertThat(registry.listPackages(false)).containsExactly("aiperf", "alpha-plugin", "beta-plugin");
        assertThat(alpha.getClassLoader()).isNotSameAs(beta.getClassLoader());
        assertThat(alpha.getClassLoader().getParent()).isSameAs(registry.classLoader());
        // The protocol comes from the shared parent, so instances work through the API type.
        assertThat(Greeter.class.isAssignableFrom(alpha)).isTrue();
        assertThatThrownBy(() -> registry.getClass("greeter", "borrowed"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("alpha.AlphaGreeter").hasMessageContaining("was not found")
                .hasMessageContaining("beta-plugin");
        assertThat(registry.getType("greeter", "alpha").validate(true).valid()).isTrue();
        assertThat(registry.getType("greeter", "borrowed").validate(true).error()).contains("not found");
    }

    @Test
    void aBrokenPluginIsReportedInOneLineAndSkippedWhileOthersLoad() throws IOException {
        Path plugins = pluginsDir();
        alphaJar(plugins);
        Files.writeString(plugins.resolve("garbage.jar"), "this is not a zip file");
        PluginJar.create().manifest("bad/plugins.yaml", manifest("bad-plugin", """
                greeter:
                  bad:
                    klass: x.Y
                """)).writeTo(plugins.resolve("bad-manifest.jar"));
        PluginJar.create().resource("META-INF/aiperf.plugins", "this line has no equals sign\n")
                .writeTo(plugins.resolve("bad-index.jar"));
        PluginJar.create().resource("readme.txt", "no index").writeTo(plugins.resolve("not-a-plugin.jar"));
        PluginJar.create().resource("META-INF/aiperf.plugins", "x = missing/plugins.yaml\n")
                .writeTo(plugins.resolve("dangling.jar"));

        registry = PluginRegistry.builder().pluginsDir(plugins).build();

        assertThat(registry.listPackages(false)).containsExactly("aiperf", "alpha-plugin");
        assertThat(registry.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain("\n"));
        assertThat(registry.problems()).extracting(DiscoveryProblem::toString).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("ERROR " + plugins.resolve("bad-index.jar"))
                        .contains("bad-index.jar!/META-INF/aiperf.plugins:1:1: expected 'name = path/inside/jar/file.yaml'"),
                p -> assertThat(p).startsWith("ERROR " + plugins.resolve("dangling.jar"))
                        .contains("dangling.jar!/META-INF/aiperf.plugins:1:1: lists 'missing/plugins.yaml', which is not in the jar"),
                p -> assertThat(p).startsWith("ERROR " + plugins.resolve("garbage.jar"))
                        .contains("cannot read plugin jar").endsWith("plugin skipped"),
                p -> assertThat(p).startsWith("WARNING " + plugins.resolve("not-a-plugin.jar"))
                        .contains("not an aiperf plugin"),
                p -> assertThat(p).startsWith("ERROR " + plugins.resolve("bad-manifest.jar") + "!/bad/plugins.yaml:7:5: "
                        + "unknown key 'klass'").endsWith("plugin skipped"));
    }

    @Test
    void discoveryReadsFilesButLoadsNoPluginClass() throws IOException {
        Path plugins = pluginsDir();
        alphaJar(plugins);
        RecordingClassLoader recorder = new RecordingClassLoader(getClass().getClassLoader());
        registry = PluginRegistry.builder().classLoader(recorder).pluginsDir(plugins).build();

        registry.discoverPlugins();
        registry.listTypes("greeter");
        registry.validateAll(true);

        assertThat(registry.allEntries()).hasSizeGreaterThanOrEqualTo(4).noneMatch(TypeEntry::isLoaded);
        assertThat(recorder.requested()).doesNotContain("alpha.AlphaGreeter",
                "dev.aiperf.plugin.fixtures.HelloGreeter", "dev.aiperf.plugin.fixtures.HttpChannel");

        registry.getClass("greeter", "alpha");
        assertThat(recorder.requested()).contains("alpha.AlphaGreeter");
    }

    @Test
    void aPluginJarMayContributeItsOwnCategory() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create()
                .source("gamma.Shape", "package gamma; public interface Shape { double area(); }")
                .source("gamma.Square", "package gamma; public class Square implements Shape { public double area() { return 1; } }")
                .categories("gamma/categories.yaml", "shape:\n  protocol: gamma.Shape\n  description: Shapes\n")
                .manifest("gamma/plugins.yaml", manifest("gamma-plugin", "shape:\n  square:\n    class: gamma.Square\n"))
                .writeTo(plugins.resolve("gamma.jar"));
        registry = PluginRegistry.builder().pluginsDir(plugins).build();

        Class<?> square = registry.getClass("shape", "square");

        assertThat(square.getName()).isEqualTo("gamma.Square");
        assertThat(registry.getCategoryMetadata("shape").protocol()).isEqualTo("gamma.Shape");
        assertThat(registry.validateAll(true)).allMatch(ValidationResult::valid);
    }

    @Test
    void aPluginsDirectoryJarCannotClaimTheBuiltinPackageName() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().manifest("fake/plugins.yaml", manifest("aiperf", """
                greeter:
                  hello:
                    class: x.Fake
                    priority: 100
                """)).writeTo(plugins.resolve("fake.jar"));
        registry = PluginRegistry.builder().pluginsDir(plugins).build();

        assertThat(registry.getType("greeter", "hello").classPath()).isEqualTo("dev.aiperf.plugin.fixtures.HelloGreeter");
        assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("package name 'aiperf' is reserved"));
    }

    @Test
    void missingPluginsDirectoryIsNotAProblem() {
        registry = PluginRegistry.builder().pluginsDir(dir.resolve("does-not-exist")).build();

        assertThat(registry.discoverPlugins()).isEmpty();
        assertThat(registry.pluginsDir()).contains(dir.resolve("does-not-exist"));
    }

    @Test
    void pluginsDirectoryComesFromTheEnvironmentOrTheHomeDirectory() {
        assertThat(PluginRegistry.pluginsDirFrom("/opt/aiperf/plugins", "/home/me"))
                .isEqualTo(Path.of("/opt/aiperf/plugins"));
        assertThat(PluginRegistry.pluginsDirFrom("  ", "/home/me")).isEqualTo(Path.of("/home/me/.aiperf/plugins"));
        assertThat(PluginRegistry.pluginsDirFrom(null, "/home/me")).isEqualTo(Path.of("/home/me/.aiperf/plugins"));
    }

    @Test
    void discoveryIsLazyAndResetRestoresTheDiscoveredState() throws IOException {
        Path plugins = pluginsDir();
        registry = PluginRegistry.builder().pluginsDir(plugins).build();
        assertThat(registry.toString()).contains("not yet discovered");

        assertThat(registry.listTypes("greeter")).extracting(TypeEntry::name).containsExactly("hello", "friendly");
        registry.register("greeter", "runtime_only", PoliteGreeter.class, 0, false);
        registry.register("greeter", "hello", PoliteGreeter.class, 5, false);
        alphaJar(plugins);
        assertThat(registry.listTypes("greeter")).extracting(TypeEntry::name).doesNotContain("alpha");

        registry.reset();

        assertThat(registry.toString()).contains("0 entries, not yet discovered");
        // Discovered afresh: the jar installed since is there, the runtime registrations are not.
        assertThat(registry.listTypes("greeter")).extracting(TypeEntry::name)
                .containsExactly("hello", "friendly", "alpha");
        assertThat(registry.getType("greeter", "hello").classPath()).isEqualTo("dev.aiperf.plugin.fixtures.HelloGreeter");
        assertThat(registry.listPackages(false)).containsExactly("aiperf", "alpha-plugin");
    }

    @Test
    void anEmptyRegistryDiscoversNothing() {
        registry = PluginRegistry.empty();

        assertThat(registry.discoverPlugins()).isEmpty();
        assertThat(registry.listCategories(true)).isEmpty();
        assertThatThrownBy(() -> registry.listTypes("greeter")).isInstanceOf(UnknownCategoryException.class)
                .hasMessage("Unknown plugin category 'greeter'. Known categories: .");
    }
}
