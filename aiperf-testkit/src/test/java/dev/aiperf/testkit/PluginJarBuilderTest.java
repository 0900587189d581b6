package dev.aiperf.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarBuilderTest {
    private static final String GREETER = """
            package com.example;
            public class Greeter implements java.util.function.Supplier<String> {
                public String get() { return "hello from " + Inner.NAME; }
                static final class Inner { static final String NAME = "greeter"; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void buildWritesClassesManifestAndIndex() throws IOException {
        Path jar = PluginJarBuilder.named("greeter")
                .source("com.example.Greeter", GREETER)
                .manifest("schema_version: \"1.0\"\n")
                .build(dir);

        assertThat(jar).isEqualTo(dir.resolve("greeter.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("com/example/Greeter.class")).isNotNull();
            assertThat(file.getEntry("com/example/Greeter$Inner.class")).isNotNull();
            assertThat(read(file, "greeter/plugins.yaml")).isEqualTo("schema_version: \"1.0\"\n");
            assertThat(read(file, "META-INF/aiperf.plugins")).isEqualTo("greeter = greeter/plugins.yaml\n");
        }
    }

    @Test
    void compiledClassesRunFromTheJar() throws Exception {
        Path jar = PluginJarBuilder.named("greeter").source("com.example.Greeter", GREETER).build(dir);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Object greeter = loader.loadClass("com.example.Greeter").getConstructor().newInstance();
            assertThat(((java.util.function.Supplier<?>) greeter).get()).isEqualTo("hello from greeter");
        }
    }

    @Test
    void manifestCanLiveAnywhereInTheJar() throws IOException {
        Path jar = PluginJarBuilder.named("p").manifest("/com/example/plugins.yaml", "plugin: {name: p}\n").build(dir);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(read(file, "META-INF/aiperf.plugins")).isEqualTo("p = com/example/plugins.yaml\n");
            assertThat(read(file, "com/example/plugins.yaml")).isEqualTo("plugin: {name: p}\n");
        }
    }

    @Test
    void withoutIndexLeavesOutTheIndexButKeepsTheManifest() throws IOException {
        Path jar = PluginJarBuilder.named("p").manifest("plugin: {name: p}\n").withoutIndex().build(dir);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("META-INF/aiperf.plugins")).isNull();
            assertThat(file.getEntry("p/plugins.yaml")).isNotNull();
        }
    }

    @Test
    void anIndexGivenAsAResourceReplacesTheGeneratedOne() throws IOException {
        Path jar = PluginJarBuilder.named("p")
                .manifest("plugin: {name: p}\n")
                .resource("META-INF/aiperf.plugins", "other = somewhere/else.yaml\n")
                .build(dir);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(read(file, "META-INF/aiperf.plugins")).isEqualTo("other = somewhere/else.yaml\n");
        }
    }

    @Test
    void sourcesThatDoNotCompileFailWithJavacsMessage() {
        PluginJarBuilder builder = PluginJarBuilder.named("broken")
                .source("com.example.Broken", "package com.example; public class Broken { int x = \"no\"; }");

        assertThatThrownBy(() -> builder.build(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not compile")
                .hasMessageContaining("com/example/Broken.java:1");
    }

    @Test
    void sourcesSeeTheCurrentClassPath() {
        // The test class path holds JUnit; a plugin compiled here may use anything the test can.
        Path jar = PluginJarBuilder.named("uses-junit")
                .source("com.example.UsesJunit", "package com.example; public class UsesJunit { org.junit.jupiter.api.Test t; }")
                .build(dir);

        assertThat(jar).exists();
    }

    @Test
    void badJarNamesAreRejected() {
        assertThatThrownBy(() -> PluginJarBuilder.named("../evil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../evil'");
    }

    @Test
    void theSameClassCannotBeAddedTwice() {
        PluginJarBuilder builder = PluginJarBuilder.named("p").source("a.B", "package a; class B {}");

        assertThatThrownBy(() -> builder.source("a.B", "package a; class B {}"))
                .hasMessageContaining("a.B");
    }

    private static String read(JarFile file, String entry) throws IOException {
        try (var in = file.getInputStream(file.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
