package dev.aiperf.bench;

import dev.aiperf.api.export.DataExporter;
import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.ValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The plugin registry's costs: discovering the built-in set; discovering 100 generated plugin jars
 * of 20 entries each (2,000 entries, each jar in its own class loader); a cached {@code getClass}
 * (typed, by string, with a name that needs normalising) against a plain {@code HashMap.get}
 * baseline; and {@code validateAll(true)} over the 2,000 entries (ASM, no class loaded).
 *
 * <p>Run: {@code bench/plugin-registry.sh}, or
 * {@code java -jar aiperf-bench/target/benchmarks.jar PluginRegistryBenchmark -wi 3 -i 5 -f 1 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
public class PluginRegistryBenchmark {
    static final int JARS = 100;
    static final int ENTRIES_PER_JAR = 20;
    static final Category<DataExporter> CATEGORY = Category.of(GeneratedPlugins.CATEGORY, DataExporter.class);

    private Path pluginsDir;
    private PluginRegistry generated;
    private final Map<String, Class<?>> baseline = new HashMap<>();

    @Setup
    public void setUp() throws IOException {
        pluginsDir = GeneratedPlugins.write(Files.createTempDirectory("aiperf-bench").resolve("plugins"), JARS,
                ENTRIES_PER_JAR);
        generated = generatedRegistry();
        if (generated.allEntries().size() != JARS * ENTRIES_PER_JAR || !generated.problems().isEmpty()) {
            throw new IllegalStateException("generated plugins did not load: " + generated.problems());
        }
        baseline.put("gen_42_7", generated.getClass(CATEGORY, "gen_42_7"));
    }

    @TearDown
    public void tearDown() throws IOException {
        generated.close();
        GeneratedPlugins.delete(pluginsDir.getParent());
    }

    private PluginRegistry generatedRegistry() {
        return PluginRegistry.builder().scanClassPath(false).pluginsDir(pluginsDir).build();
    }

    /** Discovery of the class path's categories and built-in plugins.yaml, with a fresh registry. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int discoverBuiltins() {
        PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();
        registry.discoverPlugins();
        return registry.allEntries().size();
    }

    /** Discovery of 100 plugin jars x 20 entries, with a fresh registry. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int discover100Jars() throws IOException {
        try (PluginRegistry registry = generatedRegistry()) {
            registry.discoverPlugins();
            return registry.allEntries().size();
        }
    }

    /** A cached, typed lookup by normal name: the engine's hot path. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Class<? extends DataExporter> getClassCached() {
        return generated.getClass(CATEGORY, "gen_42_7");
    }

    /** A cached lookup with the category given as a string. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Class<?> getClassCachedStringCategory() {
        return generated.getClass(GeneratedPlugins.CATEGORY, "gen_42_7");
    }

    /** A cached lookup whose name must be normalised first (case and dashes). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Class<?> getClassCachedUnnormalisedName() {
        return generated.getClass(CATEGORY, "Gen-42-7");
    }

    /** Baseline: one HashMap lookup of the same class. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Class<?> baselineHashMapGet() {
        return baseline.get("gen_42_7");
    }

    /** validateAll(true) over the 2,000 generated entries: class files read with ASM, nothing loaded. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<ValidationResult> validateAll2000() {
        return generated.validateAll(true);
    }
}
