package dev.aiperf.control;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.RunControlConfig;
import dev.aiperf.api.config.ServerCall;

import java.util.List;
import java.util.function.Consumer;

/**
 * The server calls around one run's profiling phase: the prefix/KV-cache reset, then the profiler's start,
 * right before it (after any warm-up, so the measured requests meet a cold prefix cache); the profiler's
 * stop right after it. A call that fails is one warning per URL and the run goes on: the benchmark is still
 * worth having, and the warning says which guarantee is missing.
 */
public final class ProfilingServerControl {
    private final RunControlConfig control;
    private final ServerCalls calls;
    private final Consumer<String> warnings;
    private final Consumer<String> log;
    private boolean profilerStarted;

    /**
     * @param warnings receives each failed call, as one line meant for the user
     * @param log      receives each successful call, for the run's log
     */
    public ProfilingServerControl(BenchmarkConfig config, Consumer<String> warnings, Consumer<String> log) {
        this.control = config.control();
        this.calls = control.kvCacheReset() == null && !control.profilesServer() ? null : new ServerCalls(config);
        this.warnings = warnings;
        this.log = log;
    }

    /** Resets the cache and starts the profiler, as configured; returns once every call answered or timed out. */
    public void beforeProfiling() {
        if (control.kvCacheReset() != null) {
            call("--reset-kv-cache", control.kvCacheReset(), "the profiling phase starts with whatever the server"
                    + " has cached");
        }
        if (control.profilesServer()) {
            // Stopped afterwards when any URL started it: one server of several is still worth a trace.
            profilerStarted = call("--server-profiler", control.profilerStart(), "the server is not profiled")
                    < calls.urlCount();
        }
    }

    /** Stops the profiler if it was started (also after an interrupted or aborted phase). */
    public void afterProfiling() {
        if (profilerStarted) {
            profilerStarted = false;
            call("--server-profiler", control.profilerStop(), "the server's profiler may still be running");
        }
    }

    /** Makes the call; returns how many URLs refused it. */
    private int call(String option, ServerCall call, String consequence) {
        List<String> problems = calls.post(call);
        problems.forEach(p -> warnings.accept(option + ": " + p + "; " + consequence));
        if (problems.isEmpty()) {
            log.accept(option + ": POST " + call.path() + " accepted by " + calls.urlCount() + " URL(s)");
        }
        return problems.size();
    }
}
