package dev.aiperf.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiperf.api.PluginType;
import dev.aiperf.plugin.DiscoveryProblem;
import dev.aiperf.plugin.PluginLoadException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PluginOverride} over a registry that discovered a real plugin jar. */
class PluginOverrideTest {
    @TempDir
    Path pluginsDir;

    private PluginRegistry registry;

    /** Everything observable about the registry, to compare before and after. */
    record State(List<TypeEntry> entries, List<TypeEntry> endpoints, List<String> categories, List<String> packages,
                 List<DiscoveryProblem> problems, List<TypeEntry> echoCandidates) {
        static State of(PluginRegistry registry) {
            return new State(registry.allEntries(), registry.listTypes(PluginType.ENDPOINT),
                    registry.listCategories(true), registry.listPackages(false), registry.problems(),
                    registry.explain(PluginType.ENDPOINT, "echo").candidates());
        }
    }

    @BeforeEach
    void discoverTheEchoPlugin() {
        PluginJarBuilder.named("echo-plugin")
                .source("com.example.EchoEndpoint", PluginJarDiscoveryTest.ENDPOINT_SOURCE)
                .manifest(PluginJarDiscoveryTest.MANIFEST)
                .build(pluginsDir);
        registry = PluginRegistry.builder().pluginsDir(pluginsDir).build();
        assertThat(registry.getType(PluginType.ENDPOINT, "echo").classPath()).isEqualTo("com.example.EchoEndpoint");
    }

    @AfterEach
    void close() throws IOException {
        registry.close();
    }

    @Test
    void theOverrideWinsInsideTheBlockAndTheRegistryIsExactlyAsBeforeAfterIt() {
        State before = State.of(registry);
        TypeEntry echo = registry.getType(PluginType.ENDPOINT, "echo");

        try (PluginOverride override = PluginOverride.register(registry, PluginType.ENDPOINT, "echo",
                StubEndpoint.class)) {
            assertThat(registry.getClass(PluginType.ENDPOINT, "echo")).isSameAs(StubEndpoint.class);
            assertThat(registry.getType(PluginType.ENDPOINT, "echo")).isSameAs(override.entry());
            assertThat(registry.explain(PluginType.ENDPOINT, "echo").candidates()).hasSize(2);
        }

        assertThat(State.of(registry)).isEqualTo(before);
        assertThat(registry.getType(PluginType.ENDPOINT, "echo")).isSameAs(echo);
    }

    @Test
    void theRegistryIsRestoredAfterAnExceptionToo() {
        State before = State.of(registry);

        assertThatThrownBy(() -> {
            try (PluginOverride ignored = PluginOverride.register(registry, "endpoint", "echo", StubEndpoint.class)) {
                assertThat(registry.getClass("endpoint", "echo")).isSameAs(StubEndpoint.class);
                throw new IllegalStateException("the code under test failed");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("the code under test failed");

        assertThat(State.of(registry)).isEqualTo(before);
    }

    @Test
    void whateverElseWasRegisteredInsideTheBlockIsDroppedToo() {
        State before = State.of(registry);

        try (PluginOverride ignored = PluginOverride.register(registry, PluginType.ENDPOINT, "echo",
                StubEndpoint.class)) {
            registry.register(PluginType.ENDPOINT, "extra", StubEndpoint.class, 0, false);
            assertThat(registry.listTypes(PluginType.ENDPOINT)).extracting(TypeEntry::name).contains("extra");
        }

        assertThat(State.of(registry)).isEqualTo(before);
        assertThat(registry.listTypes(PluginType.ENDPOINT)).extracting(TypeEntry::name).doesNotContain("extra");
    }

    @Test
    void overridesNestAndUnwindInOrder() {
        State before = State.of(registry);

        try (PluginOverride outer = PluginOverride.register(registry, PluginType.ENDPOINT, "echo", StubEndpoint.class)) {
            State withOuter = State.of(registry);
            try (PluginOverride inner = PluginOverride.register(registry, PluginType.ENDPOINT, "stub",
                    StubEndpoint.class)) {
                assertThat(registry.getType(PluginType.ENDPOINT, "stub")).isSameAs(inner.entry());
            }
            assertThat(State.of(registry)).isEqualTo(withOuter);
            assertThat(registry.getType(PluginType.ENDPOINT, "echo")).isSameAs(outer.entry());
        }

        assertThat(State.of(registry)).isEqualTo(before);
    }

    @Test
    void closingAnOuterOverrideBeforeAnInnerOneIsRefused() {
        PluginOverride outer = PluginOverride.register(registry, PluginType.ENDPOINT, "echo", StubEndpoint.class);
        PluginOverride inner = PluginOverride.register(registry, PluginType.ENDPOINT, "stub", StubEndpoint.class);

        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reverse order");

        inner.close();
        outer.close();
        outer.close(); // a second close does nothing
        assertThat(registry.getType(PluginType.ENDPOINT, "echo").classPath()).isEqualTo("com.example.EchoEndpoint");
    }

    @Test
    void aClassOfTheWrongKindIsRefusedAndLeavesNothingBehind() {
        State before = State.of(registry);

        assertThatThrownBy(() -> PluginOverride.register(registry, PluginType.ENDPOINT, "echo", String.class))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("does not implement");

        assertThat(State.of(registry)).isEqualTo(before);
        // No checkpoint was left open: a later override still unwinds normally.
        try (PluginOverride ignored = PluginOverride.register(registry, PluginType.ENDPOINT, "echo",
                StubEndpoint.class)) {
            assertThat(registry.getClass(PluginType.ENDPOINT, "echo")).isSameAs(StubEndpoint.class);
        }
        assertThat(State.of(registry)).isEqualTo(before);
    }

    @Test
    @FreshPluginRegistry
    void withoutARegistryItOverridesTheDefaultOne() {
        try (PluginOverride ignored = PluginOverride.register(PluginType.ENDPOINT, "stub", StubEndpoint.class)) {
            assertThat(Plugins.getClass(PluginType.ENDPOINT, "stub")).isSameAs(StubEndpoint.class);
        }
        assertThat(Plugins.listTypes(PluginType.ENDPOINT)).extracting(TypeEntry::name).doesNotContain("stub");
    }
}
