package dev.aiperf.api.config;

/**
 * How the run steers itself and the server besides sending its load (upstream options
 * {@code --failed-request-threshold}, {@code --reset-kv-cache*}, {@code --server-profiler*}).
 *
 * @param failedRequestThreshold stop the run early when failed/total profiling requests exceeds this ratio in
 *                               (0, 1], checked once {@code max(concurrency, 10)} requests completed; null: never
 * @param kvCacheReset           POSTed once before the profiling phase (vLLM/SGLang {@code /reset_prefix_cache}),
 *                               or null
 * @param profilerStart          POSTed right before the profiling phase (vLLM {@code /start_profile}), or null
 * @param profilerStop           POSTed right after the profiling phase (vLLM {@code /stop_profile}), or null
 */
public record RunControlConfig(Double failedRequestThreshold, ServerCall kvCacheReset, ServerCall profilerStart,
                               ServerCall profilerStop) {
    /** Nothing steered: the run goes to its end whatever fails, and calls nothing besides its requests. */
    public static final RunControlConfig NONE = new RunControlConfig(null, null, null, null);

    public RunControlConfig {
        if (failedRequestThreshold != null && !(failedRequestThreshold > 0 && failedRequestThreshold <= 1)) {
            throw new IllegalArgumentException("the failed-request threshold must be a ratio in (0, 1], got "
                    + failedRequestThreshold);
        }
        if ((profilerStart == null) != (profilerStop == null)) {
            throw new IllegalArgumentException("a server profiler needs both its start and its stop call");
        }
    }

    /** Whether the server's profiler is started and stopped around the profiling phase. */
    public boolean profilesServer() {
        return profilerStart != null;
    }
}
