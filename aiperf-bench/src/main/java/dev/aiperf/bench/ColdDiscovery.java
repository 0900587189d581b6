package dev.aiperf.bench;

import dev.aiperf.plugin.PluginRegistry;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times the first discovery in a fresh JVM (class loading of the registry and YAML parser
 * included), which JMH's warmed-up figures hide. Arguments: {@code builtin} or {@code jars}.
 */
public final class ColdDiscovery {

    private ColdDiscovery() {
    }

    public static void main(String[] args) throws Exception {
        boolean jars = args.length > 0 && args[0].equals("jars");
        Path dir = null;
        if (jars) {
            dir = GeneratedPlugins.write(Files.createTempDirectory("aiperf-cold").resolve("plugins"),
                    PluginRegistryBenchmark.JARS, PluginRegistryBenchmark.ENTRIES_PER_JAR);
        }
        long start = System.nanoTime();
        PluginRegistry registry = jars
                ? PluginRegistry.builder().scanClassPath(false).pluginsDir(dir).build()
                : PluginRegistry.builder().pluginsDir(null).build();
        registry.discoverPlugins();
        long discovered = System.nanoTime();
        int entries = registry.allEntries().size();
        String what = jars ? "100 jars x 20 entries" : "built-in set";
        System.out.printf("cold discovery (%s, fresh JVM): %.1f ms, %d entries, %d problems%n", what,
                (discovered - start) / 1e6, entries, registry.problems().size());
        if (jars) {
            long validateStart = System.nanoTime();
            long valid = registry.validateAll(true).stream().filter(r -> r.valid()).count();
            System.out.printf("cold validateAll(true) (fresh JVM): %.1f ms, %d of %d valid%n",
                    (System.nanoTime() - validateStart) / 1e6, valid, entries);
            registry.close();
            GeneratedPlugins.delete(dir.getParent());
        }
    }
}
