package dev.aiperf.environment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every environment variable aiperf reads, from one map: the process environment by default, any map in tests
 * and for library users. The rest of aiperf-core asks this class and never calls {@link System#getenv()}
 * (an architecture test keeps it so). docs/configuration.md lists the variables.
 *
 * <p>Two modules below core cannot reach this class and read their own variables: aiperf-plugin
 * ({@code AIPERF_PLUGINS_DIR}, the default registry's plugins folder, which a registry made without the CLI needs
 * too) and aiperf-tokenizers ({@code DJL_CACHE_DIR}/{@code ENGINE_CACHE_DIR}, DJL's own; the hub cache variables
 * when the mock server loads a tokenizer). Core passes {@link #variables()} to the tokenizers where it can.
 */
public final class AiperfEnvironment {
    /** Server-metrics scrape interval, seconds (the original's). */
    public static final String SERVER_METRICS_COLLECTION_INTERVAL = "AIPERF_SERVER_METRICS_COLLECTION_INTERVAL";
    /** GPU telemetry scrape interval, seconds (the original's). */
    public static final String GPU_COLLECTION_INTERVAL = "AIPERF_GPU_COLLECTION_INTERVAL";
    public static final String DEV_MODE = "AIPERF_DEV_MODE";
    public static final String DEV_SHOW_INTERNAL_METRICS = "AIPERF_DEV_SHOW_INTERNAL_METRICS";
    public static final String DEV_SHOW_EXPERIMENTAL_METRICS = "AIPERF_DEV_SHOW_EXPERIMENTAL_METRICS";
    public static final String METRICS_USAGE_PCT_DIFF_THRESHOLD = "AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD";
    public static final String METRICS_OSL_MISMATCH_PCT_THRESHOLD = "AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD";
    public static final String METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD = "AIPERF_METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD";
    public static final String HTTP_CONNECT_TIMEOUT = "AIPERF_HTTP_CONNECT_TIMEOUT";
    public static final String HTTP_READ_TIMEOUT = "AIPERF_HTTP_READ_TIMEOUT";
    public static final String HTTP_KEEPALIVE_TIMEOUT = "AIPERF_HTTP_KEEPALIVE_TIMEOUT";
    public static final String HTTP_CONNECTION_LIMIT = "AIPERF_HTTP_CONNECTION_LIMIT";
    public static final String HTTP_SSL_VERIFY = "AIPERF_HTTP_SSL_VERIFY";
    public static final String HTTP_TRACE = "AIPERF_HTTP_TRACE";
    /** The plugins folder (also read by aiperf-plugin for a registry made without the CLI). */
    public static final String PLUGINS_DIR = "AIPERF_PLUGINS_DIR";
    /** https://no-color.org: set and not empty turns colours off. */
    public static final String NO_COLOR = "NO_COLOR";
    public static final String TERM = "TERM";
    /** The width the shell exports, used when no terminal tells its own. */
    public static final String COLUMNS = "COLUMNS";

    /** Every variable this class names, in the order docs/configuration.md lists them. */
    public static final List<String> VARIABLES = List.of(SERVER_METRICS_COLLECTION_INTERVAL, GPU_COLLECTION_INTERVAL,
            DEV_MODE, DEV_SHOW_INTERNAL_METRICS, DEV_SHOW_EXPERIMENTAL_METRICS, METRICS_USAGE_PCT_DIFF_THRESHOLD,
            METRICS_OSL_MISMATCH_PCT_THRESHOLD, METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD, HTTP_CONNECT_TIMEOUT,
            HTTP_READ_TIMEOUT, HTTP_KEEPALIVE_TIMEOUT, HTTP_CONNECTION_LIMIT, HTTP_SSL_VERIFY, HTTP_TRACE, PLUGINS_DIR,
            NO_COLOR, TERM, COLUMNS);

    private static final AiperfEnvironment SYSTEM = new AiperfEnvironment(System.getenv());

    private final Map<String, String> variables;

    private AiperfEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process environment. */
    public static AiperfEnvironment system() {
        return SYSTEM;
    }

    /** These variables instead of the process's (tests, library users). */
    public static AiperfEnvironment of(Map<String, String> variables) {
        return new AiperfEnvironment(variables);
    }

    /** The variables as a map, for readers in modules below core (they cannot name this class). */
    public Map<String, String> variables() {
        return variables;
    }

    /** A variable's value, stripped; empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The raw value, as set (blank included), or null. */
    public String raw(String name) {
        return variables.get(name);
    }

    /** {@code NO_COLOR} set and not empty (https://no-color.org), or {@code TERM=dumb}: no colours. */
    public boolean colorsOff() {
        String noColor = variables.get(NO_COLOR);
        return (noColor != null && !noColor.isEmpty()) || "dumb".equals(variables.get(TERM));
    }

    /** {@code COLUMNS} when it is a whole number. */
    public OptionalInt columns() {
        Optional<String> columns = get(COLUMNS);
        if (columns.isPresent()) {
            try {
                return OptionalInt.of(Integer.parseInt(columns.get()));
            } catch (NumberFormatException notANumber) {
                // ignored, as a shell's odd COLUMNS should not stop a run
            }
        }
        return OptionalInt.empty();
    }

    /** {@code AIPERF_PLUGINS_DIR}, when set. */
    public Optional<Path> pluginsDir() {
        return get(PLUGINS_DIR).map(Path::of);
    }
}
