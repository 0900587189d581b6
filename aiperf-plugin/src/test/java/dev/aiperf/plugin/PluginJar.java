package dev.aiperf.plugin;

import dev.aiperf.plugin.fixtures.Greeter;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a real plugin jar in a test: Java sources compiled with the system compiler against the
 * test class path (so they can implement the fixture protocols), plus resources and index files.
 */
final class PluginJar {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> pluginIndex = new ArrayList<>();
    private final List<String> categoryIndex = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();

    static PluginJar create() {
        return new PluginJar();
    }

    /** Adds a Java source for the fully qualified class name. */
    PluginJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a plugins.yaml at the path and lists it in META-INF/aiperf.plugins. */
    PluginJar manifest(String path, String yaml) {
        resources.put(path, yaml);
        pluginIndex.add(path.replace('/', '_') + " = " + path);
        return this;
    }

    /** Adds a categories.yaml at the path and lists it in META-INF/aiperf.categories. */
    PluginJar categories(String path, String yaml) {
        resources.put(path, yaml);
        categoryIndex.add(path.replace('/', '_') + " = " + path);
        return this;
    }

    /** Compiles against these jars or directories too (e.g. another plugin's jar). */
    PluginJar classPath(Path... entries) {
        classPath.addAll(List.of(entries));
        return this;
    }

    /** Adds a raw resource (for broken indexes and the like). */
    PluginJar resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /** Compiles the sources in a scratch directory beside the jar and writes the jar. */
    Path writeTo(Path jar) {
        try {
            Path classes = Files.createTempDirectory(jar.getParent(), "classes");
            compile(classes);
            if (!pluginIndex.isEmpty()) {
                resources.putIfAbsent("META-INF/aiperf.plugins", String.join("\n", pluginIndex) + "\n");
            }
            if (!categoryIndex.isEmpty()) {
                resources.putIfAbsent("META-INF/aiperf.categories", String.join("\n", categoryIndex) + "\n");
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
                addClasses(classes, jarOut);
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(resource.getKey()));
                    jarOut.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    jarOut.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Path src = Files.createTempDirectory(classes.getParent(), "src");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", testClassPath()
                + classPath.stream().map(p -> java.io.File.pathSeparator + p).collect(java.util.stream.Collectors.joining()),
                "--release", "21", "-proc:none", "-nowarn"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, System.err, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test plugin sources did not compile");
        }
    }

    private static void addClasses(Path classes, JarOutputStream jarOut) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }

    /** The directories holding the test fixtures and the registry's own classes. */
    static String testClassPath() {
        try {
            Path fixtures = Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path registry = Path.of(Plugins.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return fixtures + java.io.File.pathSeparator + registry;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
