package dev.aiperf.cli.profile;

import dev.aiperf.api.config.RunControlConfig;
import dev.aiperf.api.config.ServerCall;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The original's options that steer the run besides its load: stop early when too many requests fail
 * ({@code --failed-request-threshold}, Load Generator group upstream), reset the server's prefix cache
 * before profiling and run its profiler around it ({@code --reset-kv-cache*}, {@code --server-profiler*},
 * Endpoint group upstream).
 */
public final class RunControlOptions {
    static final String DEFAULT_RESET_PATH = "/reset_prefix_cache";
    static final String DEFAULT_PROFILER_START_PATH = "/start_profile";
    static final String DEFAULT_PROFILER_STOP_PATH = "/stop_profile";
    /** A cache reset is quick; a server that takes longer is not answering. */
    static final double DEFAULT_RESET_TIMEOUT_SECONDS = 30;
    /** Stopping a torch profiler writes its trace, which takes minutes on a big model. */
    static final double DEFAULT_PROFILER_TIMEOUT_SECONDS = 300;

    @Option(names = "--failed-request-threshold", paramLabel = "<ratio>",
            description = "Stop the run early, exit 1, when more than this ratio (0 < ratio <= 1) of the profiling"
                    + " requests failed; checked once max(concurrency, 10) requests completed. What was measured is"
                    + " still written (default: off).")
    Double failedRequestThreshold;

    @Option(names = "--reset-kv-cache",
            description = "POST the server's prefix/KV-cache reset once before profiling (after any warm-up), in"
                    + " every run of a sweep or repeated run; vLLM and SGLang serve /reset_prefix_cache.")
    boolean resetKvCache;

    @Option(names = "--reset-kv-cache-timeout-seconds", paramLabel = "<s>",
            description = "Timeout of the reset call (default: 30).")
    Double resetKvCacheTimeoutSeconds;

    @Option(names = "--reset-kv-cache-path", paramLabel = "<path>",
            description = "Path of the reset, relative to each --url (default: /reset_prefix_cache).")
    String resetKvCachePath;

    @Option(names = "--server-profiler",
            description = "POST the server profiler's start right before the profiling phase and its stop right"
                    + " after it (vLLM: /start_profile and /stop_profile, needs VLLM_TORCH_PROFILER_DIR).")
    boolean serverProfiler;

    @Option(names = "--server-profiler-timeout-seconds", paramLabel = "<s>",
            description = "Timeout of each profiler call (default: 300; the stop writes the trace).")
    Double serverProfilerTimeoutSeconds;

    @Option(names = "--server-profiler-start-path", paramLabel = "<path>",
            description = "Path of the profiler's start, relative to each --url (default: /start_profile).")
    String serverProfilerStartPath;

    @Option(names = "--server-profiler-stop-path", paramLabel = "<path>",
            description = "Path of the profiler's stop, relative to each --url (default: /stop_profile).")
    String serverProfilerStopPath;

    /** The settings these options give; each mistake is added to {@code problems}. */
    RunControlConfig toConfig(List<String> problems) {
        Double threshold = failedRequestThreshold;
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            problems.add("--failed-request-threshold must be a ratio greater than 0 and at most 1 (e.g. 0.1 for"
                    + " 10 %), got " + threshold);
            threshold = null;
        }
        ServerCall reset = null;
        if (resetKvCache) {
            String path = path("--reset-kv-cache-path", resetKvCachePath, DEFAULT_RESET_PATH, problems);
            Double timeout = timeout("--reset-kv-cache-timeout-seconds", resetKvCacheTimeoutSeconds,
                    DEFAULT_RESET_TIMEOUT_SECONDS, problems);
            reset = path == null || timeout == null ? null : new ServerCall(path, timeout);
        } else {
            orphan("--reset-kv-cache", resetKvCachePath, "--reset-kv-cache-path", problems);
            orphan("--reset-kv-cache", resetKvCacheTimeoutSeconds, "--reset-kv-cache-timeout-seconds", problems);
        }
        ServerCall start = null;
        ServerCall stop = null;
        if (serverProfiler) {
            String startPath = path("--server-profiler-start-path", serverProfilerStartPath,
                    DEFAULT_PROFILER_START_PATH, problems);
            String stopPath = path("--server-profiler-stop-path", serverProfilerStopPath, DEFAULT_PROFILER_STOP_PATH,
                    problems);
            Double timeout = timeout("--server-profiler-timeout-seconds", serverProfilerTimeoutSeconds,
                    DEFAULT_PROFILER_TIMEOUT_SECONDS, problems);
            if (startPath != null && stopPath != null && timeout != null) {
                start = new ServerCall(startPath, timeout);
                stop = new ServerCall(stopPath, timeout);
            }
        } else {
            orphan("--server-profiler", serverProfilerTimeoutSeconds, "--server-profiler-timeout-seconds", problems);
            orphan("--server-profiler", serverProfilerStartPath, "--server-profiler-start-path", problems);
            orphan("--server-profiler", serverProfilerStopPath, "--server-profiler-stop-path", problems);
        }
        return new RunControlConfig(threshold, reset, start, stop);
    }

    /** The path to call, or null after a problem: relative to the --url, no scheme, no blanks. */
    private static String path(String option, String value, String fallback, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        String path = value.strip();
        if (path.isEmpty() || path.contains("://") || path.chars().anyMatch(Character::isWhitespace)) {
            problems.add(option + ": '" + value + "' is not a path relative to the --url (e.g. " + fallback + ")");
            return null;
        }
        return path;
    }

    private static Double timeout(String option, Double value, double fallback, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value.isInfinite()) {
            problems.add(option + " must be a number of seconds greater than 0, got " + value);
            return null;
        }
        return value;
    }

    /** A setting of a call that is off is a mistake the user should hear about, not a silent no-op. */
    private static void orphan(String switchOption, Object value, String option, List<String> problems) {
        if (value != null) {
            problems.add(option + " needs " + switchOption);
        }
    }
}
