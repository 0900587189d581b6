package dev.aiperf.study;

import dev.aiperf.engine.InterruptSignals;
import dev.aiperf.export.AtomicFile;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs an {@link SlaSearchPlan} with a {@link SearchPlanner} ({@link MonotonicSlaPlanner} by default):
 * short runs at the values the planner proposes, each judged against the SLA filters, until the planner
 * stops. Writes {@code search_history.json} after every probe (so a cut-short search keeps its trajectory)
 * and, at the end, the curve of every probe as a sweep aggregate.
 */
public final class SlaSearch {
    public static final String HISTORY_FILE = "search_history.json";
    /** Jackson, not {@code JsonText}: this file keeps its null fields ({@code "best": null}) as upstream's does. */
    private static final ObjectWriter HISTORY_JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final SlaSearchPlan plan;
    private final SearchPlanner planner;
    private final RunExecutor executor;
    private final StudyListener listener;
    private final PrintStream err;
    private boolean handleSignals;

    private SlaSearch(SlaSearchPlan plan, SearchPlanner planner, PrintStream out, PrintStream err,
                      StudyListener listener) {
        this.plan = plan;
        this.planner = planner;
        this.listener = listener;
        this.err = err;
        this.executor = new RunExecutor(out, err, listener);
    }

    /** A search with upstream's monotonic planner over the plan's range. */
    public static SlaSearch of(SlaSearchPlan plan, PrintStream out, PrintStream err, StudyListener listener) {
        return of(plan, new MonotonicSlaPlanner(plan.low(), plan.high(), plan.maxIterations()), out, err, listener);
    }

    /** A search with another planner. */
    public static SlaSearch of(SlaSearchPlan plan, SearchPlanner planner, PrintStream out, PrintStream err,
                               StudyListener listener) {
        return new SlaSearch(plan, planner, out, err, listener);
    }

    /** Installs SIGINT/SIGTERM handling for the whole search. */
    public SlaSearch handlingSignals() {
        this.handleSignals = true;
        return this;
    }

    /** Stops the current probe and the search; what was measured is still written. */
    public void stop() {
        executor.stop();
    }

    public SlaSearchOutcome run() {
        InterruptSignals signals = handleSignals ? InterruptSignals.install(executor::stop, err) : null;
        SlaSearchOutcome outcome;
        try {
            outcome = search();
        } finally {
            if (signals != null) {
                signals.close();
            }
        }
        boolean terminated = signals != null && signals.terminated();
        return new SlaSearchOutcome(outcome.probes(), outcome.highestPassing(), outcome.lowestFailing(),
                outcome.convergenceReason(), outcome.files(), outcome.interrupted(), terminated);
    }

    private SlaSearchOutcome search() {
        List<SlaProbe> probes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int runIndex = 0;
        while (!executor.stopped()) {
            OptionalLong next = planner.next(probes);
            if (next.isEmpty()) {
                break;
            }
            long value = next.getAsLong();
            Map<String, Object> parameters = Map.of(plan.parameter(), parameterValue(value));
            StudyCell cell = StudyCell.of(parameters, plan.configFor().apply(value));
            List<StudyRun> runs = new ArrayList<>();
            for (int trial = 1; trial <= plan.runsPerProbe() && !executor.stopped(); trial++) {
                if (runIndex > 0) {
                    executor.coolDown(plan.cooldownSeconds());
                    if (executor.stopped()) {
                        break;
                    }
                }
                Path dir = plan.runsPerProbe() == 1 ? plan.probeDir(probes.size())
                        : plan.probeDir(probes.size()).resolve("profile_runs").resolve(String.format("run_%04d", trial));
                runs.add(executor.run(++runIndex, plan.maxIterations() * plan.runsPerProbe(), cell,
                        String.format("run_%04d", trial), cell.config(), dir));
            }
            if (runs.isEmpty() || runs.stream().anyMatch(StudyRun::interrupted)) {
                break;
            }
            SlaProbe probe = judge(probes.size(), value, cell, runs);
            probes.add(probe);
            listener.probeJudged(probe, plan.filters());
            writeHistory(probes, null, files);
        }
        boolean interrupted = executor.stopped();
        String reason = interrupted ? null : planner.convergenceReason(probes);
        long pass = MonotonicSlaPlanner.highestPassing(probes);
        long fail = MonotonicSlaPlanner.lowestFailing(probes);
        Long highestPassing = pass == 0 ? null : pass;
        Long lowestFailing = fail == Long.MAX_VALUE ? null : fail;
        files.clear();
        writeHistory(probes, reason, files);
        writeCurve(probes, files);
        SlaSearchOutcome outcome = new SlaSearchOutcome(probes, highestPassing, lowestFailing, reason, files,
                interrupted, false);
        listener.searchFinished(plan, outcome);
        return outcome;
    }

    private Object parameterValue(long value) {
        return plan.parameter().equals("request_rate") ? (Object) (double) value : (Object) (int) value;
    }

    private SlaProbe judge(int index, long value, StudyCell cell, List<StudyRun> runs) {
        List<RunSummary> ok = runs.stream().filter(StudyRun::succeeded).map(StudyRun::summary).toList();
        List<FailedRun> failed = runs.stream().filter(r -> !r.succeeded())
                .map(r -> new FailedRun(r.label(), r.failure())).toList();
        CellResult result = new CellResult(cell.label(), cell.parameters(), ok, failed);
        List<Double> observed = new ArrayList<>();
        boolean passed = !ok.isEmpty() && failed.isEmpty();
        for (SlaFilter filter : plan.filters()) {
            Double v = mean(ok, filter);
            observed.add(v);
            passed &= filter.holds(v);
        }
        String failure = failed.isEmpty() ? null : failed.getFirst().error();
        return new SlaProbe(index, value, passed, observed, result.mean(plan.objective().key()), result, failure);
    }

    private static Double mean(List<RunSummary> runs, SlaFilter filter) {
        double sum = 0;
        for (RunSummary run : runs) {
            Double v = filter.observed(run);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return runs.isEmpty() ? null : sum / runs.size();
    }

    /** Upstream's {@code search_history.json} shape: config, iterations, best, convergence_reason, boundary. */
    private void writeHistory(List<SlaProbe> probes, String reason, List<Path> files) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("algorithm", "monotonic_sla");
        config.put("objective_metric", plan.objective().metric());
        config.put("objective_stat", plan.objective().stat());
        config.put("objective_direction", plan.objective().direction());
        config.put("max_iterations", plan.maxIterations());
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("path", plan.path());
        space.put("lo", plan.low());
        space.put("hi", plan.high());
        space.put("kind", "int");
        config.put("search_space", List.of(space));
        config.put("sla_filters", plan.filters().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric_tag", f.tag());
            m.put("stat", f.stat());
            m.put("op", f.op());
            m.put("threshold", f.threshold());
            return m;
        }).toList());
        List<Map<String, Object>> iterations = new ArrayList<>();
        for (SlaProbe p : probes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("iteration_idx", p.index());
            entry.put("variation_values", Map.of(plan.path(), p.value()));
            entry.put("objective_value", p.objective());
            entry.put("passed", p.passed());
            entry.put("artifact_dir", plan.probeDir(p.index()).toString());
            if (p.failure() != null) {
                entry.put("error", p.failure());
            }
            iterations.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", config);
        root.put("iterations", iterations);
        Comparator<SlaProbe> byObjective = Comparator.comparingDouble(SlaProbe::objective);
        SlaProbe best = probes.stream().filter(SlaProbe::passed).filter(p -> p.objective() != null)
                .max(plan.objective().maximize() ? byObjective : byObjective.reversed()).orElse(null);
        root.put("best", best == null ? null : orderedMap("iteration_idx", best.index(), "objective_value",
                best.objective(), "variation_values", Map.of(plan.path(), best.value())));
        root.put("convergence_reason", reason);
        root.put("boundary_summary", boundary(probes));
        // Written even with nulls for "best" and "convergence_reason": readers expect the keys.
        Path file = plan.baseDir().resolve(HISTORY_FILE);
        try {
            Files.createDirectories(plan.baseDir());
            AtomicFile.writeString(file, HISTORY_JSON.writeValueAsString(root));
            files.add(file);
        } catch (IOException e) {
            listener.aggregateSkipped(HISTORY_FILE, e.getMessage());
        }
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private Map<String, Object> boundary(List<SlaProbe> probes) {
        long pass = MonotonicSlaPlanner.highestPassing(probes);
        long fail = MonotonicSlaPlanner.lowestFailing(probes);
        Map<String, Object> boundary = new LinkedHashMap<>();
        boundary.put("swept_dim_path", plan.path());
        SlaProbe passing = probes.stream().filter(p -> p.passed() && p.value() == pass).findFirst().orElse(null);
        SlaProbe failing = probes.stream().filter(p -> !p.passed() && p.value() == fail).findFirst().orElse(null);
        if (passing != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", passing.value());
            m.put("iteration_idx", passing.index());
            m.put("objective_value", passing.objective());
            boundary.put("feasible_max", m);
        } else {
            boundary.put("feasible_max", null);
        }
        if (failing != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", failing.value());
            m.put("iteration_idx", failing.index());
            for (int i = 0; i < plan.filters().size(); i++) {
                SlaFilter f = plan.filters().get(i);
                if (!f.holds(failing.observed().get(i))) {
                    Map<String, Object> breach = new LinkedHashMap<>();
                    breach.put("metric_tag", f.tag());
                    breach.put("stat", f.stat());
                    breach.put("op", f.op());
                    breach.put("threshold", f.threshold());
                    breach.put("observed", failing.observed().get(i));
                    m.put("first_breach", breach);
                    break;
                }
            }
            boundary.put("infeasible_min", m);
        } else {
            boundary.put("infeasible_min", null);
        }
        return boundary;
    }

    /** The probes, ordered by value, as a sweep aggregate: the latency/throughput curve of the search. */
    private void writeCurve(List<SlaProbe> probes, List<Path> files) {
        List<CellResult> cells = probes.stream().sorted(Comparator.comparingLong(SlaProbe::value))
                .map(SlaProbe::cell).filter(c -> !c.runs().isEmpty()).toList();
        if (cells.isEmpty()) {
            listener.aggregateSkipped("search curve", "no probe finished");
            return;
        }
        Map<String, List<Object>> parameters = Map.of(plan.parameter(),
                cells.stream().map(c -> c.parameters().get(plan.parameter())).toList());
        SweepAggregate curve = new SweepAggregate(parameters, cells, plan.confidenceLevel());
        try {
            files.addAll(curve.write(plan.baseDir().resolve("sweep_aggregate")));
        } catch (IOException e) {
            listener.aggregateSkipped("search curve", e.getMessage());
        }
    }
}
