package dev.aiperf.config;

/**
 * The entry point for building a benchmark configuration in a program:
 * <pre>{@code
 * ConfigResult built = BenchmarkConfigs.builder().model("Qwen/Qwen3-0.6B").url("http://localhost:8000")
 *         .streaming(true).concurrency(8).requestCount(100).build();
 * }</pre>
 * The result went through {@link BenchmarkConfigRules}, exactly as {@code aiperf profile} with the same options.
 */
public final class BenchmarkConfigs {

    private BenchmarkConfigs() {
    }

    /** A builder with nothing set: every default of {@code aiperf profile}. */
    public static BenchmarkConfigBuilder builder() {
        return new BenchmarkConfigBuilder();
    }
}
