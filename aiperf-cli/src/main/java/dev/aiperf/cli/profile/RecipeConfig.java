package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.slo.SloGate;
import dev.aiperf.study.recipe.ConcurrencyRamp;
import dev.aiperf.study.recipe.GridRecipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the options of a grid search recipe ({@code --search-recipe concurrency-ramp}, ...) and builds the
 * core's {@link GridRecipe}: every problem in one usage error, before any request. An option that belongs to
 * another recipe is refused rather than ignored.
 */
final class RecipeConfig {
    /** Recipe options and the recipes they belong to. */
    private static final Map<String, Set<String>> OWNERS = owners();

    private RecipeConfig() {
    }

    private static Map<String, Set<String>> owners() {
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        owners.put("--degradation-threshold", Set.of(ConcurrencyRamp.NAME));
        owners.put("--degradation-metric-tag", Set.of(ConcurrencyRamp.NAME));
        owners.put("--degradation-stat", Set.of(ConcurrencyRamp.NAME));
        owners.put("--concurrency-steps", Set.of(ConcurrencyRamp.NAME));
        return owners;
    }

    /** Whether the command line asks for a recipe this class builds. */
    static boolean isGridRecipe(ProfileCommand command) {
        return ConcurrencyRamp.NAME.equals(command.search.recipe);
    }

    /** The recipe names {@code --search-recipe} accepts, for messages. */
    static List<String> available() {
        return List.of(StudyLauncher.RECIPE, ConcurrencyRamp.NAME);
    }

    /** Upstream's recipes, in its order (§4.3). */
    private static final List<String> UPSTREAM = List.of("max-throughput-ttft-sla", "max-throughput-itl-sla",
            ConcurrencyRamp.NAME, "prefill-ttft-curve", "decode-itl-curve", StudyLauncher.RECIPE, "pareto-sweep",
            "max-goodput-under-slo");

    /** Upstream's recipes this version lacks, for messages. */
    static List<String> notImplemented() {
        return UPSTREAM.stream().filter(r -> !available().contains(r)).toList();
    }

    /** A recipe option given without its recipe is a usage error naming the recipe it needs. */
    static void checkOwnership(ProfileCommand command) {
        String recipe = command.search.recipe;
        List<String> problems = new ArrayList<>();
        given(command).forEach(option -> {
            Set<String> recipes = OWNERS.get(option);
            if (recipe == null || !recipes.contains(recipe)) {
                problems.add(option + " belongs to --search-recipe " + String.join(" or ", recipes.stream()
                        .sorted().toList()) + (recipe == null ? "" : ", not " + recipe));
            }
        });
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
    }

    /** The recipe options on the command line. */
    private static List<String> given(ProfileCommand command) {
        RecipeOptions r = command.recipe;
        List<String> given = new ArrayList<>();
        add(given, "--degradation-threshold", r.degradationThreshold);
        add(given, "--degradation-metric-tag", r.degradationMetricTag);
        add(given, "--degradation-stat", r.degradationStat);
        add(given, "--concurrency-steps", r.concurrencySteps);
        return given;
    }

    private static void add(List<String> given, String option, Object value) {
        if (value != null) {
            given.add(option);
        }
    }

    /** The recipe of the command line, checked against the base configuration (e.g. streaming for TTFT). */
    static GridRecipe recipe(ProfileCommand command, BenchmarkConfig base) {
        SearchOptions s = command.search;
        List<String> problems = new ArrayList<>();
        if (command.sweepLists.any()) {
            problems.add("--search-recipe " + s.recipe + " makes its own grid: drop the comma lists ("
                    + String.join(", ", command.sweepLists.lists.keySet()) + ")");
        }
        if (s.space != null || s.planner != null || s.maxIterations != null) {
            problems.add("--search-recipe " + s.recipe + " runs a fixed grid: --search-space, --search-planner and"
                    + " --search-max-iterations do not apply");
        }
        GridRecipe recipe = switch (s.recipe) {
            case ConcurrencyRamp.NAME -> concurrencyRamp(command, base, problems);
            default -> throw new IllegalStateException("not a grid recipe: " + s.recipe);
        };
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        return recipe;
    }

    private static GridRecipe concurrencyRamp(ProfileCommand command, BenchmarkConfig base, List<String> problems) {
        RecipeOptions r = command.recipe;
        int low = command.search.concurrencyMin == null ? ConcurrencyRamp.DEFAULT_LOW : command.search.concurrencyMin;
        int high = command.search.concurrencyMax == null ? ConcurrencyRamp.DEFAULT_HIGH
                : command.search.concurrencyMax;
        int steps = r.concurrencySteps == null ? ConcurrencyRamp.DEFAULT_STEPS : r.concurrencySteps;
        boolean gridOk = grid("--concurrency", low, high, steps, problems);
        double threshold = r.degradationThreshold == null ? ConcurrencyRamp.DEFAULT_THRESHOLD
                : r.degradationThreshold;
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            problems.add("--degradation-threshold must be more than 0 (a fraction: 0.2 is 20 %), got " + threshold);
        }
        String tag = r.degradationMetricTag == null ? ConcurrencyRamp.DEFAULT_METRIC : r.degradationMetricTag.strip();
        String stat = r.degradationStat == null ? ConcurrencyRamp.DEFAULT_STAT
                : r.degradationStat.strip().toLowerCase(java.util.Locale.ROOT);
        metric("--degradation-metric-tag/--degradation-stat", tag, stat, problems);
        if (streamingOnly(tag) && !base.endpoint().streaming()) {
            problems.add("--search-recipe concurrency-ramp with --degradation-metric-tag " + tag + " needs"
                    + " --streaming (" + tag + " is measured on streamed responses only)");
        }
        return gridOk && problems.isEmpty() ? new ConcurrencyRamp(low, high, steps, threshold, tag, stat) : null;
    }

    /** Checks a log-spaced grid's bounds; {@code option} is the family, e.g. {@code --concurrency}. */
    private static boolean grid(String option, int low, int high, int steps, List<String> problems) {
        int before = problems.size();
        if (low < 1) {
            problems.add(option + "-min must be 1 or more, got " + low);
        }
        if (high <= low) {
            problems.add(option + "-max (" + high + ") must be more than " + option + "-min (" + low + ")");
        }
        if (steps < 2) {
            problems.add(option + "-steps must be 2 or more, got " + steps);
        }
        return problems.size() == before;
    }

    /** A metric tag and statistic, checked as {@code --slo} checks them (with a did-you-mean). */
    private static void metric(String options, String tag, String stat, List<String> problems) {
        try {
            SloGate.parse(tag + "." + stat + "<1");
        } catch (IllegalArgumentException e) {
            problems.add(options + ": " + e.getMessage().replaceFirst("^invalid SLO '[^']*': ", ""));
        }
    }

    private static boolean streamingOnly(String tag) {
        return tag.equals("time_to_first_token") || tag.equals("inter_token_latency")
                || tag.equals("time_to_second_token") || tag.equals("inter_chunk_latency");
    }
}
