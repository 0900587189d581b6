package dev.aiperf.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiperf.api.PluginType;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.ValidationResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry semantics a plugin author from the original relies on, with jars built by
 * {@link PluginJarBuilder}: no plugin: section needed, and a category of one's own that another
 * plugin implements.
 */
class PluginAuthorRegistryTest {
    @TempDir
    Path pluginsDir;

    @Test
    void aManifestWithoutPluginSectionIsNamedByItsJarsIndexLine() throws Exception {
        PluginJarBuilder.named("echo-plugin")
                .source("com.example.EchoEndpoint", PluginJarDiscoveryTest.ENDPOINT_SOURCE)
                .manifest("endpoint:\n  echo: {class: com.example.EchoEndpoint}\n")
                .build(pluginsDir);

        try (PluginRegistry registry = PluginRegistry.builder().pluginsDir(pluginsDir).build()) {
            assertThat(registry.getType(PluginType.ENDPOINT, "echo").packageName()).isEqualTo("echo-plugin");
            assertThat(registry.listPackages(false)).contains("echo-plugin");
            assertThat(registry.getPackageMetadata("echo-plugin").version()).isEqualTo("unknown");
            assertThat(registry.hasType(PluginType.ENDPOINT, "echo")).isTrue();
        }
    }

    @Test
    void aPluginsOwnCategoryIsImplementedByAnotherPlugin() throws Exception {
        Path scorers = PluginJarBuilder.named("scorers")
                .source("com.example.score.Scorer", "package com.example.score; public interface Scorer { int score(String s); }")
                .source("com.example.score.Length", """
                        package com.example.score;
                        public class Length implements Scorer { public int score(String s) { return s.length(); } }
                        """)
                .resource("scorers/categories.yaml", "scorer:\n  protocol: com.example.score.Scorer\n  enum: ScorerType\n")
                .resource("META-INF/aiperf.categories", "scorers = scorers/categories.yaml\n")
                .manifest("plugin: {name: scorers, version: 1.0.0}\nscorer:\n  length: {class: com.example.score.Length}\n")
                .build(pluginsDir);
        PluginJarBuilder.named("vowels")
                .classPath(scorers)
                .source("org.other.Vowels", """
                        package org.other;
                        public class Vowels implements com.example.score.Scorer {
                            public int score(String s) { return s.replaceAll("[^aeiou]", "").length(); }
                        }
                        """)
                .manifest("plugin: {name: vowels}\nscorer:\n  vowels: {class: org.other.Vowels}\n")
                .build(pluginsDir);

        try (PluginRegistry registry = PluginRegistry.builder().pluginsDir(pluginsDir).build()) {
            Class<?> scorer = registry.getClass("scorer", "length").getInterfaces()[0];
            Object vowels = registry.getClass(PluginType.of("scorer"), "vowels").getConstructor().newInstance();

            assertThat(scorer.isInstance(vowels)).isTrue();
            assertThat(scorer.getMethod("score", String.class).invoke(vowels, "registry")).isEqualTo(2);
            assertThat(registry.createEnum("scorer").name()).isEqualTo("ScorerType");
            assertThat(registry.createEnum("scorer").values()).containsExactly("length", "vowels");
            assertThat(registry.validateAll(true)).allMatch(ValidationResult::valid);
        }
    }
}
