package dev.aiperf.archfixture;

import dev.aiperf.plugin.internal.Names;

/** Architecture-test fixture: code outside aiperf-plugin that uses the registry's internal package. */
public class RegistryInternalsUser {
    String name(String raw) {
        return Names.normalize(raw);
    }
}
