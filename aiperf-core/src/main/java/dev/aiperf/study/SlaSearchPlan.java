package dev.aiperf.study;

import dev.aiperf.api.config.BenchmarkConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

/**
 * An SLA search ({@code --search-recipe max-concurrency-under-sla}): the highest value of one load
 * parameter whose runs still meet every SLA filter. Probes go to {@code base/search_iter_NNNN/} (with
 * {@code profile_runs/run_NNNN/} inside when each probe repeats), the trajectory to
 * {@code base/search_history.json} and the measured curve to {@code base/sweep_aggregate/}.
 *
 * @param baseDir         the search's artifact folder
 * @param parameter       {@code concurrency} or {@code request_rate}
 * @param low             lowest value to probe (inclusive)
 * @param high            highest value to probe (inclusive)
 * @param maxIterations   most probes ({@code --search-max-iterations})
 * @param filters         the SLA conditions, all of which must hold
 * @param configFor       the validated configuration of a probe at a value
 * @param runsPerProbe    runs per probe ({@code --num-profile-runs}); the filters look at their means
 * @param cooldownSeconds pause between runs
 * @param confidenceLevel confidence of the intervals when probes repeat
 * @param objective       what {@code best} maximises or minimises among the passing probes
 */
public record SlaSearchPlan(Path baseDir, String parameter, long low, long high, int maxIterations,
                            List<SlaFilter> filters, LongFunction<BenchmarkConfig> configFor, int runsPerProbe,
                            double cooldownSeconds, double confidenceLevel, SearchObjective objective) {
    /** A plan with the default objective (request throughput, maximised). */
    public SlaSearchPlan(Path baseDir, String parameter, long low, long high, int maxIterations,
                         List<SlaFilter> filters, LongFunction<BenchmarkConfig> configFor, int runsPerProbe,
                         double cooldownSeconds, double confidenceLevel) {
        this(baseDir, parameter, low, high, maxIterations, filters, configFor, runsPerProbe, cooldownSeconds,
                confidenceLevel, SearchObjective.DEFAULT);
    }

    public SlaSearchPlan {
        java.util.Objects.requireNonNull(objective, "objective");
        filters = List.copyOf(filters);
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("an SLA search needs at least one SLA: --goodput, --slo, --search-sla,"
                    + " --ttft-sla-ms, --itl-sla-ms, --tpot-sla-ms, --e2e-sla-ms or --error-rate-sla");
        }
        if (!parameter.equals("concurrency") && !parameter.equals("request_rate")) {
            throw new IllegalArgumentException("an SLA search sweeps concurrency or request_rate, not " + parameter);
        }
        new MonotonicSlaPlanner(low, high, maxIterations); // checks the bounds
    }

    /** The dotted path the original names the dimension by, e.g. {@code phases.profiling.concurrency}. */
    public String path() {
        return "phases.profiling." + parameter;
    }

    /** The folder of probe {@code index} (0-based). */
    public Path probeDir(int index) {
        return baseDir.resolve(String.format("search_iter_%04d", index + 1));
    }
}
