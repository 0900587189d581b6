package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.config.ArtifactDirectoryNamer;
import dev.aiperf.slo.SloGate;
import dev.aiperf.slo.SloReport;
import dev.aiperf.study.SearchObjective;
import dev.aiperf.study.SlaFilter;
import dev.aiperf.study.SlaSearch;
import dev.aiperf.study.SlaSearchOutcome;
import dev.aiperf.study.SlaSearchPlan;
import dev.aiperf.study.StudyCell;
import dev.aiperf.study.StudyOutcome;
import dev.aiperf.study.StudyPlan;
import dev.aiperf.study.StudyProgressPrinter;
import dev.aiperf.study.StudyRun;
import dev.aiperf.study.StudyRunner;
import dev.aiperf.study.SweepMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a {@code profile} command line with comma lists or {@code --num-profile-runs} into a
 * {@link StudyPlan} and runs it with the core's {@link StudyRunner}. Each cell's configuration comes from
 * parsing the same command line again with the cell's values, so every check of a single run applies to
 * every cell (e.g. the default request count follows each concurrency).
 */
final class StudyLauncher {
    static final String RECIPE = "max-concurrency-under-sla";
    /** The seed the original uses for every run of a study when none is given ({@code --set-consistent-seed}). */
    static final long CONSISTENT_SEED = 42;

    private final ProfileCommand command;
    private final List<String> args;
    private final boolean overwrittenOptionsAllowed;

    StudyLauncher(ProfileCommand command, List<String> args, boolean overwrittenOptionsAllowed) {
        this.command = command;
        this.args = args;
        this.overwrittenOptionsAllowed = overwrittenOptionsAllowed;
    }

    /** Whether the command line asks for more than one run. */
    static boolean isStudy(ProfileCommand command) {
        return command.sweepLists.any() || (command.study.numProfileRuns != null && command.study.numProfileRuns > 1);
    }

    /**
     * Builds the plan: every cell validated, or a {@link UsageException} listing every problem.
     *
     * @param base      the configuration of the command line as parsed (first values of the lists)
     * @param mockUrl   the placeholder URL the configuration was built with under {@code --mock}, or null
     * @param terminal  whether the standard output is a terminal (UI default)
     */
    StudyPlan plan(BenchmarkConfig base, String mockUrl, boolean terminal, String commandLine) {
        StudyOptions s = command.study;
        List<String> problems = new ArrayList<>();
        int runs = s.numProfileRuns == null ? 1 : s.numProfileRuns;
        if (runs < 1 || runs > StudyPlan.MAX_RUNS) {
            problems.add("--num-profile-runs must be 1 to " + StudyPlan.MAX_RUNS + ", got " + runs);
        }
        double confidence = s.confidenceLevel == null ? 0.95 : s.confidenceLevel;
        if (!(confidence > 0 && confidence < 1)) {
            problems.add("--confidence-level must be between 0 and 1 (exclusive), e.g. 0.95; got " + confidence);
        }
        double runCooldown = cooldown("--profile-run-cooldown-seconds", s.profileRunCooldownSeconds, problems);
        double sweepCooldown = cooldown("--parameter-sweep-cooldown-seconds", s.parameterSweepCooldownSeconds,
                problems);
        SweepMode mode = switch (s.parameterSweepMode == null ? "repeated" : s.parameterSweepMode) {
            case "repeated" -> SweepMode.REPEATED;
            case "independent" -> SweepMode.INDEPENDENT;
            default -> {
                problems.add("--parameter-sweep-mode must be repeated or independent, got '" + s.parameterSweepMode
                        + "'");
                yield SweepMode.REPEATED;
            }
        };
        String sweepType = s.sweepType == null ? "grid" : s.sweepType;
        if (!sweepType.equals("grid") && !sweepType.equals("zip")) {
            problems.add("--sweep-type must be grid or zip, got '" + sweepType + "'");
        }
        Map<String, List<Object>> parameters = typedLists(problems);
        List<Map<String, String>> combinations = problems.isEmpty() ? combinations(sweepType, problems) : List.of();
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        Long seed = base.input().randomSeed() != null ? base.input().randomSeed()
                : s.consistentSeed ? Long.valueOf(CONSISTENT_SEED) : null;
        List<StudyCell> cells = new ArrayList<>();
        Set<String> cellProblems = new LinkedHashSet<>();
        for (int i = 0; i < combinations.size(); i++) {
            Map<String, String> values = combinations.get(i);
            BenchmarkConfig config = values.isEmpty() ? base : cellConfig(values, mockUrl, terminal, commandLine,
                    cellProblems);
            if (config == null) {
                continue;
            }
            Long cellSeed = seed == null || values.isEmpty() || s.sweepSameSeed ? seed : seed + i;
            config = config.withInput(config.input().withRandomSeed(cellSeed));
            Map<String, Object> cellParameters = new LinkedHashMap<>();
            values.forEach((option, value) -> cellParameters.put(SweepListPreprocessor.PARAMETERS.get(option),
                    parameters.get(SweepListPreprocessor.PARAMETERS.get(option))
                            .get(command.sweepLists.lists.get(option).indexOf(value))));
            cells.add(StudyCell.of(cellParameters, config));
        }
        if (!cellProblems.isEmpty()) {
            throw new UsageException(List.copyOf(cellProblems));
        }
        Path baseDir = baseDir(base);
        try {
            return new StudyPlan(baseDir, parameters, cells, runs, mode, runCooldown, sweepCooldown, confidence,
                    s.warmupOnlyFirstRun, s.varySeedPerTrial);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Runs the plan, with the mock's URL in every cell when {@code --mock} started one; returns the exit code. */
    int run(StudyPlan plan, UnaryOperator<BenchmarkConfig> withUrl, PrintStream out, PrintStream err) {
        return run(plan, null, withUrl, out, err);
    }

    /** As above, with a search recipe's analysis of the sweep ({@code postProcess}, or null). */
    int run(StudyPlan plan, dev.aiperf.study.SweepPostProcess postProcess, UnaryOperator<BenchmarkConfig> withUrl,
            PrintStream out, PrintStream err) {
        List<StudyCell> cells = plan.cells().stream()
                .map(c -> new StudyCell(c.label(), c.parameters(), withUrl.apply(c.config()))).toList();
        StudyPlan runnable = new StudyPlan(plan.baseDir(), plan.parameters(), cells, plan.runsPerCell(), plan.mode(),
                plan.runCooldownSeconds(), plan.sweepCooldownSeconds(), plan.confidenceLevel(),
                plan.warmupOnlyFirstRun(), plan.varySeedPerTrial());
        StudyRunner runner = StudyRunner.of(runnable, out, err,
                new StudyProgressPrinter(out, err, !command.study.noSweepTable)).handlingSignals()
                .withPostProcess(postProcess);
        StudyOutcome outcome = runner.run();
        out.println("Study artifacts: " + plan.baseDir());
        if (outcome.interrupted()) {
            return outcome.terminated() ? ProfileCommand.EXIT_TERMINATED : ProfileCommand.EXIT_INTERRUPTED;
        }
        long failed = outcome.runs().size() - outcome.succeeded();
        if (outcome.succeeded() == 0) {
            err.println("aiperf: error: no run of the study measured anything; the messages above say why");
            return ProfileCommand.EXIT_RUN_FAILED;
        }
        if (failed > 0) {
            err.println("aiperf: error: " + failed + " of " + outcome.runs().size() + " runs failed; the aggregates"
                    + " cover the others");
            return ProfileCommand.EXIT_RUN_FAILED;
        }
        return checkGates(outcome, out, err);
    }

    /** {@code --slo} gates on every run of the study, each verdict written next to its run; 3 when any broke. */
    private int checkGates(StudyOutcome outcome, PrintStream out, PrintStream err) {
        List<SloGate> gates = command.slo.gates();
        if (gates.isEmpty()) {
            return 0;
        }
        boolean broken = false;
        for (StudyRun run : outcome.runs()) {
            SloReport report = SloReport.check(gates, dev.aiperf.summary.RunSummary.read(run.dir()));
            out.println("SLO gates of " + (run.cell().parameters().isEmpty() ? run.label()
                    : run.cell().describe() + (run.dir().toString().contains("trial_") ? " " + run.label() : "")) + ":");
            report.consoleLines().forEach(out::println);
            try {
                report.write(run.dir());
            } catch (java.io.IOException e) {
                err.println("aiperf: error: cannot write " + run.dir().resolve(SloReport.FILE) + ": " + e.getMessage());
                return ProfileCommand.EXIT_RUN_FAILED;
            }
            broken |= report.anyBroken();
        }
        return broken ? ProfileCommand.EXIT_SLO_BROKEN : 0;
    }

    static double cooldown(String flag, Double value, List<String> problems) {
        if (value == null) {
            return 0;
        }
        if (!(value >= 0) || value.isInfinite()) {
            problems.add(flag + " must be 0 or more seconds, got " + value);
            return 0;
        }
        return value;
    }

    /** Each list's values converted to its option's type (int or float), every bad value reported. */
    private Map<String, List<Object>> typedLists(List<String> problems) {
        Map<String, List<Object>> typed = new LinkedHashMap<>();
        CommandLine.Model.CommandSpec spec = command.spec;
        command.sweepLists.lists.forEach((option, values) -> {
            OptionSpec optionSpec = spec.findOption(option);
            Class<?> type = optionSpec == null ? String.class : optionSpec.type();
            List<Object> converted = new ArrayList<>();
            for (String v : values) {
                try {
                    converted.add(type == Integer.class || type == int.class ? (Object) Integer.valueOf(v)
                            : type == Double.class || type == double.class ? (Object) Double.valueOf(v) : v);
                } catch (NumberFormatException e) {
                    problems.add(option + " list '" + String.join(",", values) + "': '" + v + "' is not "
                            + (type == Integer.class ? "an integer" : "a number"));
                }
            }
            if (new LinkedHashSet<>(values).size() != values.size()) {
                problems.add(option + " list '" + String.join(",", values) + "' repeats a value");
            }
            typed.put(SweepListPreprocessor.PARAMETERS.get(option), converted);
        });
        return typed;
    }

    /** Option to value for every cell: the Cartesian product in command-line order, or element-wise. */
    private List<Map<String, String>> combinations(String sweepType, List<String> problems) {
        Map<String, List<String>> lists = command.sweepLists.lists;
        List<Map<String, String>> result = new ArrayList<>();
        result.add(new LinkedHashMap<>());
        if (lists.isEmpty()) {
            return result;
        }
        if (sweepType.equals("zip")) {
            Set<Integer> sizes = new LinkedHashSet<>();
            lists.values().forEach(l -> sizes.add(l.size()));
            if (sizes.size() > 1) {
                problems.add("--sweep-type zip needs lists of one length, got " + lists.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue().size() + ")").toList());
                return List.of();
            }
            int n = sizes.iterator().next();
            result.clear();
            for (int i = 0; i < n; i++) {
                Map<String, String> cell = new LinkedHashMap<>();
                int index = i;
                lists.forEach((option, values) -> cell.put(option, values.get(index)));
                result.add(cell);
            }
            return result;
        }
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : result) {
                for (String value : list.getValue()) {
                    Map<String, String> cell = new LinkedHashMap<>(partial);
                    cell.put(list.getKey(), value);
                    next.add(cell);
                }
            }
            result = next;
        }
        return result;
    }

    /** The configuration of one cell: the command line parsed again with the cell's values. */
    private BenchmarkConfig cellConfig(Map<String, String> values, String mockUrl, boolean terminal,
                                       String commandLine, Set<String> problems) {
        return cellConfig(values, List.of(), mockUrl, terminal, commandLine, problems);
    }

    /** As above, with {@code extraArgs} appended (a search sets a value the command line may not have given). */
    BenchmarkConfig cellConfig(Map<String, String> values, List<String> extraArgs, String mockUrl,
                                       boolean terminal, String commandLine, Set<String> problems) {
        ProfileCommand copy = new ProfileCommand();
        copy.sweepLists.overrides.putAll(values);
        CommandLine parser = new CommandLine(copy)
                .setOverwrittenOptionsAllowed(overwrittenOptionsAllowed || !extraArgs.isEmpty());
        String where = "with " + String.join(", ", values.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()) + ": ";
        List<String> all = new ArrayList<>(args);
        all.addAll(extraArgs);
        try {
            parser.parseArgs(all.toArray(String[]::new));
            return ProfileConfigBuilder.build(copy, mockUrl, terminal, commandLine).config();
        } catch (CommandLine.ParameterException | UsageException e) {
            List<String> found = e instanceof UsageException u ? u.problems() : List.of(e.getMessage());
            found.forEach(p -> problems.add(where + p));
            return null;
        }
    }

    /** {@code --artifact-dir} as given; else the default name, with {@code sweep} in place of the load for a sweep. */
    private Path baseDir(BenchmarkConfig base) {
        return command.output.artifactDir != null || !command.sweepLists.any() ? base.output().artifactDir()
                : renamed(base, "sweep");
    }

    /** The default artifact folder with {@code what} in place of the load part of its name. */
    static Path renamed(BenchmarkConfig base, String what) {
        Path dir = base.output().artifactDir();
        String name = dir.getFileName().toString();
        String stimulus = ArtifactDirectoryNamer.stimulus(base.load());
        String prefix = name.endsWith(stimulus) ? name.substring(0, name.length() - stimulus.length()) : name + "-";
        return dir.resolveSibling(prefix + what);
    }

    // ---- SLA search ------------------------------------------------------------------------------------------------

    /** Whether the command line asks for an SLA search. */
    static boolean isSearch(ProfileCommand command) {
        SearchOptions s = command.search;
        return s.recipe != null || s.space != null || s.style != null || s.planner != null;
    }

    /** The search plan: recipe, dimension, range and SLA filters checked, the two ends of the range configured. */
    SlaSearchPlan searchPlan(BenchmarkConfig base, String mockUrl, boolean terminal, String commandLine) {
        SearchOptions s = command.search;
        List<String> problems = new ArrayList<>();
        if (s.recipe == null) {
            problems.add("--search-space, --search-style and --search-planner need --search-recipe"
                    + " max-concurrency-under-sla (the adaptive Bayesian search without a recipe is not implemented)");
        } else if (!s.recipe.equals(RECIPE)) {
            problems.add("--search-recipe " + s.recipe + " is not implemented; available: "
                    + String.join(", ", RecipeConfig.available()) + " (upstream's others: "
                    + String.join(", ", RecipeConfig.notImplemented()) + ")");
        }
        if (s.style != null && !s.style.equals("monotonic")) {
            problems.add("--search-style " + s.style + " is not implemented; available: monotonic, grid");
        }
        if (s.planner != null && !s.planner.equals("monotonic_sla")) {
            problems.add("--search-planner " + s.planner + " is not implemented; available: monotonic_sla");
        }
        if (command.sweepLists.any()) {
            problems.add("an SLA search sweeps one dimension itself: drop the comma lists ("
                    + String.join(", ", command.sweepLists.lists.keySet()) + ")");
        }
        String parameter = "concurrency";
        long low = s.concurrencyMin == null ? 1 : s.concurrencyMin;
        long high = s.concurrencyMax == null ? 1000 : s.concurrencyMax;
        if (s.space != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?:phases\\.profiling\\.)?(concurrency|request_rate):(\\d+),(\\d+)(?::int)?")
                    .matcher(s.space.strip());
            if (m.matches()) {
                parameter = m.group(1);
                low = Long.parseLong(m.group(2));
                high = Long.parseLong(m.group(3));
            } else {
                problems.add("--search-space '" + s.space + "' must be concurrency:<lo>,<hi> or request_rate:<lo>,<hi>"
                        + " (whole numbers), e.g. concurrency:1,64");
            }
        }
        int iterations = s.maxIterations == null ? 20 : s.maxIterations;
        if (iterations < 2 || iterations > 200) {
            problems.add("--search-max-iterations must be 2 to 200, got " + iterations);
        }
        List<SlaFilter> filters = slaFilters(base, problems);
        SearchObjective objective = objective(problems);
        int runs = command.study.numProfileRuns == null ? 1 : command.study.numProfileRuns;
        if (runs < 1 || runs > StudyPlan.MAX_RUNS) {
            problems.add("--num-profile-runs must be 1 to " + StudyPlan.MAX_RUNS + ", got " + runs);
        }
        double cooldown = cooldown("--profile-run-cooldown-seconds", command.study.profileRunCooldownSeconds,
                problems);
        double confidence = command.study.confidenceLevel == null ? 0.95 : command.study.confidenceLevel;
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        String option = parameter.equals("concurrency") ? "--concurrency" : "--request-rate";
        Set<String> configProblems = new LinkedHashSet<>();
        Long seed = base.input().randomSeed() != null ? base.input().randomSeed()
                : command.study.consistentSeed ? Long.valueOf(CONSISTENT_SEED) : null;
        java.util.function.LongFunction<BenchmarkConfig> configFor = value -> {
            Set<String> found = new LinkedHashSet<>();
            BenchmarkConfig config = cellConfig(Map.of(option, Long.toString(value)),
                    List.of(option, Long.toString(value)), mockUrl, terminal, commandLine, found);
            if (config == null) {
                throw new UsageException(List.copyOf(found));
            }
            return config.withInput(config.input().withRandomSeed(seed));
        };
        for (long end : new long[]{low, high}) {
            try {
                configFor.apply(end);
            } catch (UsageException e) {
                configProblems.addAll(e.problems());
            }
        }
        if (!configProblems.isEmpty()) {
            throw new UsageException(List.copyOf(configProblems));
        }
        Path dir = command.output.artifactDir != null ? base.output().artifactDir() : renamed(base, "search");
        try {
            return new SlaSearchPlan(dir, parameter, low, high, iterations, filters, configFor, runs, cooldown,
                    confidence, objective == null ? SearchObjective.DEFAULT : objective);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Upstream's statistics for {@code --search-stat}. */
    private static final List<String> OBJECTIVE_STATS = List.of("avg", "p50", "p90", "p95", "p99");

    /**
     * The objective of {@code --search-metric}/{@code --search-stat}/{@code --search-direction}, or null when no
     * metric is given (a stat or direction alone is an error).
     */
    SearchObjective objective(List<String> problems) {
        SearchOptions s = command.search;
        if (s.metric == null) {
            if (s.stat != null || s.direction != null) {
                problems.add("--search-stat and --search-direction need --search-metric, the metric they apply to");
            }
            return null;
        }
        String metric = s.metric.strip();
        String stat = s.stat == null ? "avg" : s.stat.strip().toLowerCase(java.util.Locale.ROOT);
        int before = problems.size();
        if (!OBJECTIVE_STATS.contains(stat)) {
            problems.add("--search-stat must be one of " + String.join(", ", OBJECTIVE_STATS) + ", got '" + stat + "'");
        } else {
            try {
                SloGate.parse(metric + "." + stat + "<1");
            } catch (IllegalArgumentException e) {
                problems.add("--search-metric: " + e.getMessage().replaceFirst("^invalid SLO '[^']*': ", ""));
            }
        }
        if (s.direction == null || !List.of("maximize", "minimize").contains(s.direction.strip())) {
            problems.add("--search-direction must be maximize or minimize" + (s.direction == null
                    ? " (--search-metric needs it)" : ", got '" + s.direction + "'"));
        }
        return problems.size() == before ? new SearchObjective(metric, stat, s.direction.strip().equals("maximize"))
                : null;
    }

    /**
     * The SLA filters of the command line, in upstream's order: {@code --ttft-sla-ms} (p95 TTFT),
     * {@code --itl-sla-ms}/{@code --tpot-sla-ms} (p95 ITL; one SLA under two names), {@code --e2e-sla-ms} (p99
     * request latency), {@code --error-rate-sla} (the error percentage), each strictly below its threshold as
     * upstream's recipes build them; then {@code --search-sla}, the {@code --slo} gates and, with {@code --goodput},
     * the share of good requests.
     */
    List<SlaFilter> slaFilters(BenchmarkConfig base, List<String> problems) {
        SearchOptions s = command.search;
        List<SlaFilter> filters = new ArrayList<>();
        addShortcut(filters, s.ttftSlaMs, "--ttft-sla-ms", "time_to_first_token", "p95", problems);
        if (s.itlSlaMs != null && s.tpotSlaMs != null && !s.itlSlaMs.equals(s.tpotSlaMs)) {
            problems.add("--itl-sla-ms (" + s.itlSlaMs + ") and --tpot-sla-ms (" + s.tpotSlaMs + ") name the same"
                    + " inter-token latency SLA: give one, or both with one value");
        }
        addShortcut(filters, s.itlSlaMs != null ? s.itlSlaMs : s.tpotSlaMs,
                s.itlSlaMs != null ? "--itl-sla-ms" : "--tpot-sla-ms", "inter_token_latency", "p95", problems);
        addShortcut(filters, s.e2eSlaMs, "--e2e-sla-ms", "request_latency", "p99", problems);
        if (s.errorRateSla != null) {
            if (!(s.errorRateSla >= 0 && s.errorRateSla <= 1)) {
                problems.add("--error-rate-sla is a fraction of requests from 0 to 1 (0.01 is 1 %), got "
                        + s.errorRateSla);
            } else {
                // Upstream's request_error_rate is a percentage; the option is a fraction.
                filters.add(new SlaFilter(SlaFilter.REQUEST_ERROR_RATE, "avg", "lt", s.errorRateSla * 100));
            }
        }
        for (String text : s.sla) {
            try {
                filters.add(SlaFilter.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        // SLO gates (--slo) of a search are its SLA: each probe is judged by them instead of failing the command.
        command.slo.gates().forEach(g -> filters.add(SlaFilter.of(g)));
        double attainment = s.sloAttainmentFraction == null ? 0.95 : s.sloAttainmentFraction;
        if (!(attainment > 0 && attainment <= 1)) {
            problems.add("--slo-attainment-fraction must be more than 0 and at most 1, got " + attainment);
        }
        if (!base.output().goodput().isEmpty()) {
            filters.add(new SlaFilter(SlaFilter.GOOD_REQUEST_FRACTION, "avg", "ge", attainment));
        } else if (s.sloAttainmentFraction != null) {
            problems.add("--slo-attainment-fraction needs --goodput (the SLOs each request must meet)");
        }
        return filters;
    }

    private static void addShortcut(List<SlaFilter> filters, Double ms, String flag, String tag, String stat,
                                    List<String> problems) {
        if (ms == null) {
            return;
        }
        if (!(ms > 0)) {
            problems.add(flag + " must be more than 0 ms, got " + ms);
            return;
        }
        filters.add(new SlaFilter(tag, stat, "lt", ms));
    }

    /** Runs the search; returns the exit code (0 when it ran, whatever the answer; 130/143 when interrupted). */
    int runSearch(SlaSearchPlan plan, UnaryOperator<BenchmarkConfig> withUrl, PrintStream out, PrintStream err) {
        SlaSearchPlan runnable = new SlaSearchPlan(plan.baseDir(), plan.parameter(), plan.low(), plan.high(),
                plan.maxIterations(), plan.filters(), v -> withUrl.apply(plan.configFor().apply(v)),
                plan.runsPerProbe(), plan.cooldownSeconds(), plan.confidenceLevel(), plan.objective());
        SlaSearchOutcome outcome = SlaSearch.of(runnable, out, err,
                new StudyProgressPrinter(out, err, !command.study.noSweepTable)).handlingSignals().run();
        if (outcome.interrupted()) {
            return outcome.terminated() ? ProfileCommand.EXIT_TERMINATED : ProfileCommand.EXIT_INTERRUPTED;
        }
        if (outcome.probes().stream().allMatch(p -> p.cell().runs().isEmpty())) {
            err.println("aiperf: error: no probe of the search measured anything; the messages above say why");
            return ProfileCommand.EXIT_RUN_FAILED;
        }
        return 0;
    }
}
