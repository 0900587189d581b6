package dev.aiperf.api.config;

/**
 * The whole, validated configuration of one benchmark run. Plugins receive it in the context object
 * their constructor takes (e.g. {@code EndpointContext.config()}).
 */
public record BenchmarkConfig(EndpointConfig endpoint, InputConfig input, LoadConfig load, OutputConfig output) {

    /** The same configuration with another load; the engine builds each phase's plugins from one. */
    public BenchmarkConfig withLoad(LoadConfig newLoad) {
        return new BenchmarkConfig(endpoint, input, newLoad, output);
    }

    /** The same configuration with another input (e.g. another random seed). */
    public BenchmarkConfig withInput(InputConfig newInput) {
        return new BenchmarkConfig(endpoint, newInput, load, output);
    }

    /** The same configuration writing its artifacts to another folder. */
    public BenchmarkConfig withArtifactDir(java.nio.file.Path dir) {
        return new BenchmarkConfig(endpoint, input, load, output.withArtifactDir(dir));
    }
}
