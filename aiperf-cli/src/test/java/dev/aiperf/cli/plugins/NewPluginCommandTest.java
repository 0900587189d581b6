package dev.aiperf.cli.plugins;

import dev.aiperf.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiperf.api.PluginType;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new}: the generated project compiles (main and test sources, with javac against the test
 * class path, as Maven would against aiperf-api and aiperf-testkit), validates, and is discovered.
 */
class NewPluginCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesTheGuidesLayout() {
        CliRun run = CliRun.of("plugins", "new", "aiperf-acme-llm", "--output-dir", dir.toString(),
                "--aiperf-version", "9.9.9");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path project = dir.resolve("aiperf-acme-llm");
        assertThat(project.resolve("pom.xml")).content()
                .contains("<artifactId>aiperf-acme-llm</artifactId>", "<aiperf.version>9.9.9</aiperf.version>",
                        "<artifactId>aiperf-api</artifactId>", "<scope>provided</scope>",
                        "<artifactId>aiperf-testkit</artifactId>", "<maven.compiler.release>21</maven.compiler.release>");
        assertThat(project.resolve("src/main/resources/META-INF/aiperf.plugins")).content()
                .contains("acme_llm = com/example/acmellm/plugins.yaml");
        assertThat(project.resolve("src/main/resources/com/example/acmellm/plugins.yaml")).content()
                .contains("name: aiperf-acme-llm", "acme_llm:", "class: com.example.acmellm.AcmeLlmEndpoint",
                        "priority: 10");
        assertThat(project.resolve("src/main/java/com/example/acmellm/AcmeLlmEndpoint.java")).exists();
        assertThat(project.resolve("src/test/java/com/example/acmellm/AcmeLlmEndpointTest.java")).exists();
        assertThat(project.resolve("README.md")).content().contains("aiperf plugins list-implementations endpoint");
        assertThat(run.out()).contains("Created " + project, "mvn verify");
    }

    @Test
    void theGeneratedProjectCompilesValidatesAndIsDiscovered() throws Exception {
        assertThat(CliRun.of("plugins", "new", "my-plugin", "-o", dir.toString(), "--package", "org.acme.plugin")
                .exitCode()).isZero();
        Path project = dir.resolve("my-plugin");
        Path classes = dir.resolve("classes");
        compile(project.resolve("src/main/java"), classes, List.of());
        compile(project.resolve("src/test/java"), dir.resolve("test-classes"), List.of(classes));
        copyTree(project.resolve("src/main/resources"), classes);

        Path manifest = project.resolve("src/main/resources/org/acme/plugin/plugins.yaml");
        CliRun validation = CliRun.of("plugins", "validate", manifest.toString(), "--classpath", classes.toString(),
                "--plugins-dir", dir.toString());
        assertThat(validation.exitCode()).as(validation.toString()).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
             PluginRegistry registry = PluginRegistry.builder().classLoader(loader).pluginsDir(null).build()) {
            TypeEntry entry = registry.getType(PluginType.ENDPOINT, "my_plugin");
            assertThat(entry.packageName()).isEqualTo("my-plugin");
            assertThat(entry.priority()).isEqualTo(10);
            assertThat(registry.getClass(PluginType.ENDPOINT, "my_plugin").getName())
                    .isEqualTo("org.acme.plugin.MyPluginEndpoint");
        }
    }

    @Test
    void theVersionDefaultsToThisAiperfs() throws IOException {
        assertThat(CliRun.of("plugins", "new", "p", "-o", dir.toString()).exitCode()).isZero();

        assertThat(Files.readString(dir.resolve("p/pom.xml"))).containsPattern("<aiperf.version>\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void anExistingNonEmptyFolderIsNotOverwritten() throws IOException {
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/keep.txt"), "mine");

        CliRun run = CliRun.of("plugins", "new", "taken", "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("already exists and is not empty");
        assertThat(dir.resolve("taken/keep.txt")).hasContent("mine");
        assertThat(dir.resolve("taken/pom.xml")).doesNotExist();
    }

    @Test
    void anUnusableNameIsAUsageError() {
        CliRun run = CliRun.of("plugins", "new", "9lives", "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("plugin name '9lives' must start with a letter");
        assertThat(dir.resolve("9lives")).doesNotExist();
    }

    @Test
    void anInvalidPackageIsAUsageError() {
        CliRun run = CliRun.of("plugins", "new", "ok", "-o", dir.toString(), "--package", "org.acme.class");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'org.acme.class' is not a valid Java package name");
    }

    private static void compile(Path sourceRoot, Path out, List<Path> extraClassPath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-proc:none", "-d", out.toString(),
                "-classpath", classPath(extraClassPath)));
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertThat(status).as("javac %s:%n%s", sourceRoot, diagnostics).isZero();
    }

    private static String classPath(List<Path> extra) {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        extra.forEach(p -> entries.add(p.toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
