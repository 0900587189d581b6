package dev.aiperf.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PluginRegistryExtension.class)
class PluginRegistryExtensionByExtendWithTest {
    @Test
    void extendWithGivesAFreshClassPathRegistry(PluginRegistry registry) {
        assertThat(Plugins.registry()).isSameAs(registry);
        assertThat(registry.listCategories(true)).contains("endpoint");
    }
}
