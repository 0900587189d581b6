package dev.aiperf.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiperf.api.PluginType;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@FreshPluginRegistry
class PluginRegistryExtensionTest {
    private static PluginRegistry defaultBeforeTheseTests;

    @BeforeAll
    static void rememberTheDefault() {
        defaultBeforeTheseTests = Plugins.registry();
    }

    @AfterAll
    static void theDefaultIsPutBack() {
        assertThat(Plugins.registry()).isSameAs(defaultBeforeTheseTests);
    }

    @Test
    void theInjectedRegistryIsTheDefaultDuringTheTest(PluginRegistry registry) {
        assertThat(Plugins.registry()).isSameAs(registry).isNotSameAs(defaultBeforeTheseTests);
    }

    @Test
    void theFreshRegistryScansTheClassPathButNoPluginsDirectory(PluginRegistry registry) {
        assertThat(registry.listCategories(true)).contains("endpoint", "transport", "data_exporter");
        assertThat(registry.pluginsDir()).isEmpty();
    }

    // The two tests below each register the same name; whichever runs second fails if the first leaked.
    @Test
    void registrationsDoNotLeakIntoTheNextTest() {
        assertNoStub();
        Plugins.register(PluginType.ENDPOINT, "stub", StubEndpoint.class, 0, false);
        assertThat(Plugins.getClass(PluginType.ENDPOINT, "stub")).isEqualTo(StubEndpoint.class);
    }

    @Test
    void registrationsDoNotLeakFromThePreviousTest(PluginRegistry registry) {
        assertNoStub();
        TypeEntry entry = registry.register(PluginType.ENDPOINT, "stub", StubEndpoint.class, 5, false);
        assertThat(Plugins.getType(PluginType.ENDPOINT, "stub")).isSameAs(entry);
    }

    private static void assertNoStub() {
        assertThat(Plugins.listTypes(PluginType.ENDPOINT)).extracting(TypeEntry::name).doesNotContain("stub");
    }

    @Nested
    class InABeforeEachMethod {
        private PluginRegistry fromBeforeEach;

        @BeforeEach
        void receive(PluginRegistry registry) {
            fromBeforeEach = registry;
        }

        @Test
        void theSameRegistryIsInjected(PluginRegistry registry) {
            assertThat(fromBeforeEach).isSameAs(registry);
        }
    }

    @Nested
    @FreshPluginRegistry(scanClassPath = false)
    class WithoutClassPathScanning {
        @Test
        void theRegistryStartsEmpty(PluginRegistry registry) {
            assertThat(registry.listCategories(true)).isEmpty();
            assertThat(registry.allEntries()).isEmpty();
        }
    }

    @Nested
    class MethodAnnotationWinsOverTheClass {
        @Test
        @FreshPluginRegistry(scanClassPath = false)
        void methodSetting(PluginRegistry registry) {
            assertThat(registry.listCategories(true)).isEmpty();
        }
    }
}
