package dev.aiperf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Builds a real plugin jar in a test: Java sources compiled against the current class path, a
 * {@code plugins.yaml} manifest, and the {@code META-INF/aiperf.plugins} index that points the
 * registry at it.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.named("my-plugin")
 *         .source("com.example.MyEndpoint", "package com.example; public class MyEndpoint ...")
 *         .manifest("""
 *                 schema_version: "1.0"
 *                 plugin: {name: my-plugin, version: 1.0.0}
 *                 endpoint:
 *                   mine: {class: com.example.MyEndpoint}
 *                 """)
 *         .build(tempDir);
 * }</pre>
 *
 * <p>Each builder makes one jar; it is not thread-safe.
 */
public final class PluginJarBuilder {
    /** The resource the registry reads in every jar: lines {@code name = path/inside/jar/plugins.yaml}. */
    public static final String PLUGIN_INDEX = "META-INF/aiperf.plugins";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String name;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Path> classPath = new ArrayList<>();
    private String manifestPath;
    private boolean writeIndex = true;

    private PluginJarBuilder(String name) {
        this.name = name;
    }

    /**
     * Starts a jar whose index entry and file name are {@code name}.
     *
     * @param name letters, digits, {@code .}, {@code _} and {@code -}; never {@code null}
     */
    public static PluginJarBuilder named(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin jar name '" + name
                    + "' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
        }
        return new PluginJarBuilder(name);
    }

    /** Adds a Java compilation unit declaring {@code className} (fully qualified). */
    public PluginJarBuilder source(String className, String javaSource) {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(javaSource, "javaSource");
        if (sources.putIfAbsent(className, javaSource) != null) {
            throw new IllegalArgumentException("source for " + className + " was already added");
        }
        return this;
    }

    /** Sets the plugins.yaml text, stored at {@code <name>/plugins.yaml} inside the jar. */
    public PluginJarBuilder manifest(String pluginsYaml) {
        return manifest(name + "/plugins.yaml", pluginsYaml);
    }

    /** Sets the plugins.yaml text and where it lives inside the jar (the index points there). */
    public PluginJarBuilder manifest(String pathInJar, String pluginsYaml) {
        manifestPath = stripLeadingSlash(Objects.requireNonNull(pathInJar, "pathInJar"));
        return resource(manifestPath, pluginsYaml);
    }

    /** Adds any other resource, such as a categories.yaml or a resource a plugin reads. */
    public PluginJarBuilder resource(String pathInJar, String text) {
        return resource(pathInJar, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds any other resource as bytes. */
    public PluginJarBuilder resource(String pathInJar, byte[] bytes) {
        resources.put(stripLeadingSlash(Objects.requireNonNull(pathInJar, "pathInJar")), bytes.clone());
        return this;
    }

    /** Leaves out {@code META-INF/aiperf.plugins}, to test what happens with a jar nobody indexed. */
    public PluginJarBuilder withoutIndex() {
        writeIndex = false;
        return this;
    }

    /** Adds jars or class folders to compile against, beyond the current class path. */
    public PluginJarBuilder classPath(Path... entries) {
        classPath.addAll(List.of(entries));
        return this;
    }

    /**
     * Compiles the sources and writes {@code <dir>/<name>.jar}.
     *
     * @return the jar's path
     * @throws IllegalStateException when the sources do not compile (the message lists javac's errors)
     */
    public Path build(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jar = dir.resolve(name + ".jar");
            Map<String, byte[]> classes = new InMemoryJavaCompiler(classPath).compile(sources);
            writeJar(jar, classes);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plugin jar " + name + " in " + dir, e);
        }
    }

    private void writeJar(Path jar, Map<String, byte[]> classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            if (writeIndex && manifestPath != null && !resources.containsKey(PLUGIN_INDEX)) {
                put(out, PLUGIN_INDEX, (name + " = " + manifestPath + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (var resource : resources.entrySet()) {
                put(out, resource.getKey(), resource.getValue());
            }
            for (var compiled : classes.entrySet()) {
                put(out, compiled.getKey().replace('.', '/') + ".class", compiled.getValue());
            }
        }
    }

    private static void put(JarOutputStream out, String path, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(path));
        out.write(bytes);
        out.closeEntry();
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
