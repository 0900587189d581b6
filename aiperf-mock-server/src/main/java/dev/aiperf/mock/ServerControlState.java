package dev.aiperf.mock;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's side of the control routes a benchmark client calls besides inference: vLLM's and SGLang's
 * {@code POST /reset_prefix_cache} (empties the simulated prefix cache) and vLLM's {@code POST /start_profile} /
 * {@code POST /stop_profile}. Each call is counted, so a test sees on {@code /metrics} (or through
 * {@link MockServer}) how often a client made it.
 */
final class ServerControlState {
    static final String RESET_PREFIX_CACHE_PATH = "/reset_prefix_cache";
    static final String START_PROFILE_PATH = "/start_profile";
    static final String STOP_PROFILE_PATH = "/stop_profile";

    final AtomicLong kvCacheResets = new AtomicLong();
    final AtomicLong profilerStarts = new AtomicLong();
    final AtomicLong profilerStops = new AtomicLong();
    final AtomicBoolean profiling = new AtomicBoolean();

    /** The control series of {@code /metrics}, under the mock's own {@code mock:} prefix (no real server has them). */
    void writeMetrics(StringBuilder out) {
        counter(out, "mock:prefix_cache_resets_total", "Calls of POST /reset_prefix_cache.", kvCacheResets.get());
        counter(out, "mock:profiler_starts_total", "Calls of POST /start_profile.", profilerStarts.get());
        counter(out, "mock:profiler_stops_total", "Calls of POST /stop_profile.", profilerStops.get());
        out.append("# HELP mock:profiler_active 1 while the (simulated) profiler runs.\n")
                .append("# TYPE mock:profiler_active gauge\n")
                .append("mock:profiler_active ").append(profiling.get() ? "1.0" : "0.0").append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append(".0\n");
    }

    static byte[] okBody() {
        return "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    }
}
