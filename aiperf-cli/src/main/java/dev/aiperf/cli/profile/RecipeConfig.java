package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.slo.SloGate;
import dev.aiperf.study.SearchObjective;
import dev.aiperf.study.SlaFilter;
import dev.aiperf.study.recipe.ConcurrencyRamp;
import dev.aiperf.study.recipe.DecodeItlCurve;
import dev.aiperf.study.recipe.GridRecipe;
import dev.aiperf.study.recipe.IslOslPair;
import dev.aiperf.study.recipe.ParetoSweep;
import dev.aiperf.study.recipe.PrefillTtftCurve;
import dev.aiperf.study.recipe.SlaGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the options of a grid search recipe ({@code --search-recipe concurrency-ramp}, ...) and builds the
 * core's {@link GridRecipe}: every problem in one usage error, before any request. An option that belongs to
 * another recipe, or one the recipe sets itself, is refused rather than ignored.
 */
final class RecipeConfig {
    /** The grid style of max-concurrency-under-sla, as {@code --search-style} names it. */
    static final String GRID_STYLE = "grid";
    private static final String SLA_GRID = StudyLauncher.RECIPE + " --search-style grid";
    /** Upstream's recipes, in its order (§4.3). */
    private static final List<String> UPSTREAM = List.of("max-throughput-ttft-sla", "max-throughput-itl-sla",
            ConcurrencyRamp.NAME, PrefillTtftCurve.NAME, DecodeItlCurve.NAME, StudyLauncher.RECIPE, ParetoSweep.NAME,
            "max-goodput-under-slo");
    private static final List<String> GRID_RECIPES = List.of(ConcurrencyRamp.NAME, PrefillTtftCurve.NAME,
            DecodeItlCurve.NAME, ParetoSweep.NAME);
    /** Recipe options and the recipes they belong to. */
    private static final Map<String, Set<String>> OWNERS = owners();

    private RecipeConfig() {
    }

    private static Map<String, Set<String>> owners() {
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        owners.put("--degradation-threshold", Set.of(ConcurrencyRamp.NAME));
        owners.put("--degradation-metric-tag", Set.of(ConcurrencyRamp.NAME));
        owners.put("--degradation-stat", Set.of(ConcurrencyRamp.NAME));
        owners.put("--concurrency-steps", Set.of(ConcurrencyRamp.NAME, DecodeItlCurve.NAME, SLA_GRID));
        owners.put("--isl-min", Set.of(PrefillTtftCurve.NAME));
        owners.put("--isl-max", Set.of(PrefillTtftCurve.NAME));
        owners.put("--isl-steps", Set.of(PrefillTtftCurve.NAME));
        owners.put("--osl-min", Set.of(DecodeItlCurve.NAME));
        owners.put("--osl-max", Set.of(DecodeItlCurve.NAME));
        owners.put("--osl-steps", Set.of(DecodeItlCurve.NAME));
        owners.put("--isl-osl-pairs", Set.of(ParetoSweep.NAME));
        owners.put("--search-metric", Set.of(StudyLauncher.RECIPE, SLA_GRID));
        owners.put("--search-stat", Set.of(StudyLauncher.RECIPE, SLA_GRID));
        owners.put("--search-direction", Set.of(StudyLauncher.RECIPE, SLA_GRID));
        return owners;
    }

    /** Whether the command line asks for a recipe this class builds. */
    static boolean isGridRecipe(ProfileCommand command) {
        String recipe = command.search.recipe;
        return recipe != null && GRID_RECIPES.contains(recipe)
                || (StudyLauncher.RECIPE.equals(recipe) && GRID_STYLE.equals(command.search.style));
    }

    /** The recipe names {@code --search-recipe} accepts, for messages. */
    static List<String> available() {
        return UPSTREAM.stream().filter(r -> r.equals(StudyLauncher.RECIPE) || GRID_RECIPES.contains(r)).toList();
    }

    /** Upstream's recipes this version lacks, for messages. */
    static List<String> notImplemented() {
        return UPSTREAM.stream().filter(r -> !available().contains(r)).toList();
    }

    /** A recipe option given without its recipe is a usage error naming the recipe it needs. */
    static void checkOwnership(ProfileCommand command) {
        String recipe = StudyLauncher.RECIPE.equals(command.search.recipe) && GRID_STYLE.equals(command.search.style)
                ? SLA_GRID : command.search.recipe;
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
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("--degradation-threshold", r.degradationThreshold);
        values.put("--degradation-metric-tag", r.degradationMetricTag);
        values.put("--degradation-stat", r.degradationStat);
        values.put("--concurrency-steps", r.concurrencySteps);
        values.put("--isl-min", r.islMin);
        values.put("--isl-max", r.islMax);
        values.put("--isl-steps", r.islSteps);
        values.put("--osl-min", r.oslMin);
        values.put("--osl-max", r.oslMax);
        values.put("--osl-steps", r.oslSteps);
        values.put("--isl-osl-pairs", r.islOslPairs);
        values.put("--search-metric", command.search.metric);
        values.put("--search-stat", command.search.stat);
        values.put("--search-direction", command.search.direction);
        return values.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
    }

    /**
     * The recipe of the command line, checked against the base configuration (e.g. streaming for TTFT); the SLA
     * filters of the grid style come from {@code launcher} as the adaptive search's do.
     */
    static GridRecipe recipe(ProfileCommand command, BenchmarkConfig base, StudyLauncher launcher) {
        SearchOptions s = command.search;
        List<String> problems = new ArrayList<>();
        String name = StudyLauncher.RECIPE.equals(s.recipe) ? SLA_GRID : s.recipe;
        boolean listsAllowed = s.recipe.equals(ParetoSweep.NAME)
                && command.sweepLists.lists.keySet().equals(Set.of("--concurrency"));
        if (command.sweepLists.any() && !listsAllowed) {
            problems.add("--search-recipe " + name + " makes its own grid: drop the comma lists ("
                    + String.join(", ", command.sweepLists.lists.keySet()) + ")"
                    + (s.recipe.equals(ParetoSweep.NAME) ? "; only --concurrency takes a list here" : ""));
        }
        if (s.space != null || s.planner != null || s.maxIterations != null) {
            problems.add("--search-recipe " + name + " runs a fixed grid: --search-space, --search-planner and"
                    + " --search-max-iterations do not apply");
        }
        GridRecipe recipe = switch (s.recipe) {
            case ConcurrencyRamp.NAME -> concurrencyRamp(command, base, problems);
            case PrefillTtftCurve.NAME -> prefillTtftCurve(command, base, problems);
            case DecodeItlCurve.NAME -> decodeItlCurve(command, base, problems);
            case ParetoSweep.NAME -> paretoSweep(command, base, problems);
            case StudyLauncher.RECIPE -> slaGrid(command, base, launcher, problems);
            default -> throw new IllegalStateException("not a grid recipe: " + s.recipe);
        };
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        return recipe;
    }

    private static GridRecipe concurrencyRamp(ProfileCommand command, BenchmarkConfig base, List<String> problems) {
        RecipeOptions r = command.recipe;
        setByRecipe(command, ConcurrencyRamp.NAME, List.of("--concurrency"), problems);
        int low = orDefault(command.search.concurrencyMin, ConcurrencyRamp.DEFAULT_LOW);
        int high = orDefault(command.search.concurrencyMax, ConcurrencyRamp.DEFAULT_HIGH);
        int steps = orDefault(r.concurrencySteps, ConcurrencyRamp.DEFAULT_STEPS);
        grid("--concurrency", low, high, steps, problems);
        double threshold = r.degradationThreshold == null ? ConcurrencyRamp.DEFAULT_THRESHOLD
                : r.degradationThreshold;
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            problems.add("--degradation-threshold must be more than 0 (a fraction: 0.2 is 20 %), got " + threshold);
        }
        String tag = r.degradationMetricTag == null ? ConcurrencyRamp.DEFAULT_METRIC : r.degradationMetricTag.strip();
        String stat = r.degradationStat == null ? ConcurrencyRamp.DEFAULT_STAT
                : r.degradationStat.strip().toLowerCase(Locale.ROOT);
        metric("--degradation-metric-tag/--degradation-stat", tag, stat, problems);
        if (streamingOnly(tag)) {
            needsStreaming(base, ConcurrencyRamp.NAME + " with --degradation-metric-tag " + tag, tag, problems);
        }
        return problems.isEmpty() ? new ConcurrencyRamp(low, high, steps, threshold, tag, stat) : null;
    }

    private static GridRecipe prefillTtftCurve(ProfileCommand command, BenchmarkConfig base, List<String> problems) {
        RecipeOptions r = command.recipe;
        setByRecipe(command, PrefillTtftCurve.NAME, List.of("--isl", "--concurrency"), problems);
        if (command.search.concurrencyMin != null || command.search.concurrencyMax != null) {
            problems.add("--concurrency-min/--concurrency-max do not apply to " + PrefillTtftCurve.NAME
                    + ": it runs at concurrency 1, so queueing does not mix into the prefill time");
        }
        int low = orDefault(r.islMin, PrefillTtftCurve.DEFAULT_LOW);
        int high = orDefault(r.islMax, PrefillTtftCurve.DEFAULT_HIGH);
        int steps = orDefault(r.islSteps, PrefillTtftCurve.DEFAULT_STEPS);
        grid("--isl", low, high, steps, problems);
        needsStreaming(base, PrefillTtftCurve.NAME, "time_to_first_token", problems);
        return problems.isEmpty() ? new PrefillTtftCurve(low, high, steps) : null;
    }

    private static GridRecipe decodeItlCurve(ProfileCommand command, BenchmarkConfig base, List<String> problems) {
        RecipeOptions r = command.recipe;
        setByRecipe(command, DecodeItlCurve.NAME, List.of("--concurrency", "--osl"), problems);
        int cLow = orDefault(command.search.concurrencyMin, DecodeItlCurve.DEFAULT_CONCURRENCY_LOW);
        int cHigh = orDefault(command.search.concurrencyMax, DecodeItlCurve.DEFAULT_CONCURRENCY_HIGH);
        int cSteps = orDefault(r.concurrencySteps, DecodeItlCurve.DEFAULT_CONCURRENCY_STEPS);
        grid("--concurrency", cLow, cHigh, cSteps, problems);
        int oLow = orDefault(r.oslMin, DecodeItlCurve.DEFAULT_OSL_LOW);
        int oHigh = orDefault(r.oslMax, DecodeItlCurve.DEFAULT_OSL_HIGH);
        int oSteps = orDefault(r.oslSteps, DecodeItlCurve.DEFAULT_OSL_STEPS);
        grid("--osl", oLow, oHigh, oSteps, problems);
        needsStreaming(base, DecodeItlCurve.NAME, "inter_token_latency", problems);
        return problems.isEmpty() ? new DecodeItlCurve(cLow, cHigh, cSteps, oLow, oHigh, oSteps) : null;
    }

    private static GridRecipe paretoSweep(ProfileCommand command, BenchmarkConfig base, List<String> problems) {
        setByRecipe(command, ParetoSweep.NAME, List.of("--isl", "--osl"), problems);
        if (command.search.concurrencyMin != null || command.search.concurrencyMax != null) {
            problems.add("--concurrency-min/--concurrency-max do not apply to " + ParetoSweep.NAME
                    + ": give its concurrencies as a list, e.g. --concurrency 1,4,16");
        }
        List<IslOslPair> pairs = List.of();
        if (command.recipe.islOslPairs == null) {
            problems.add("--search-recipe " + ParetoSweep.NAME + " needs --isl-osl-pairs, the workload shapes, e.g."
                    + " --isl-osl-pairs 128/128,512/256");
        } else {
            try {
                pairs = IslOslPair.parseList(command.recipe.islOslPairs);
            } catch (IllegalArgumentException e) {
                problems.add("--isl-osl-pairs: " + e.getMessage());
            }
        }
        List<Integer> concurrencies = new ArrayList<>();
        List<String> typed = command.sweepLists.lists.get("--concurrency");
        if (typed != null) {
            for (String value : typed) {
                try {
                    concurrencies.add(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    problems.add("--concurrency list '" + String.join(",", typed) + "': '" + value
                            + "' is not a whole number");
                }
            }
            if (new LinkedHashSet<>(typed).size() != typed.size()) {
                problems.add("--concurrency list '" + String.join(",", typed) + "' repeats a value");
            }
        } else if (command.load.concurrency != null) {
            concurrencies.add(command.load.concurrency);
        } else {
            concurrencies.addAll(ParetoSweep.DEFAULT_CONCURRENCIES);
        }
        needsStreaming(base, ParetoSweep.NAME, "time_to_first_token", problems);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new ParetoSweep(pairs, concurrencies);
        } catch (IllegalArgumentException e) {
            problems.add("--search-recipe " + ParetoSweep.NAME + ": " + e.getMessage());
            return null;
        }
    }

    private static GridRecipe slaGrid(ProfileCommand command, BenchmarkConfig base, StudyLauncher launcher,
                                      List<String> problems) {
        setByRecipe(command, SLA_GRID, List.of("--concurrency"), problems);
        int low = orDefault(command.search.concurrencyMin, 1);
        int high = orDefault(command.search.concurrencyMax, 1000);
        int steps = orDefault(command.recipe.concurrencySteps, SlaGrid.DEFAULT_STEPS);
        grid("--concurrency", low, high, steps, problems);
        List<SlaFilter> filters = launcher.slaFilters(base, problems);
        SearchObjective objective = launcher.objective(problems);
        if (filters.isEmpty()) {
            problems.add("--search-recipe " + SLA_GRID + " needs at least one SLA: --ttft-sla-ms, --itl-sla-ms,"
                    + " --tpot-sla-ms, --e2e-sla-ms, --error-rate-sla, --search-sla, --slo or --goodput");
        }
        filters.stream().map(SlaFilter::tag).filter(RecipeConfig::streamingOnly).findFirst()
                .ifPresent(tag -> needsStreaming(base, SLA_GRID + " with an SLA on " + tag, tag, problems));
        return problems.isEmpty() ? new SlaGrid(low, high, steps, filters, objective) : null;
    }

    /** Options whose values the recipe's cells set are refused when given: the recipe would silently override them. */
    private static void setByRecipe(ProfileCommand command, String recipe, List<String> options,
                                    List<String> problems) {
        for (String option : options) {
            boolean given = switch (option) {
                case "--concurrency" -> command.load.concurrency != null && !command.sweepLists.any();
                case "--isl" -> command.prompt.islMean != null && !command.sweepLists.any();
                case "--osl" -> command.prompt.oslMean != null && !command.sweepLists.any();
                default -> false;
            };
            if (given) {
                problems.add(option + " is set by --search-recipe " + recipe + " in every cell: drop it"
                        + (option.equals("--concurrency") ? "" : " (the recipe's " + option + "-min/-max/-steps"
                        + " options shape its grid)"));
            }
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Checks a log-spaced grid's bounds; {@code option} is the family, e.g. {@code --concurrency}. */
    private static void grid(String option, int low, int high, int steps, List<String> problems) {
        if (low < 1) {
            problems.add(option + "-min must be 1 or more, got " + low);
        }
        if (high <= low) {
            problems.add(option + "-max (" + high + ") must be more than " + option + "-min (" + low + ")");
        }
        if (steps < 2) {
            problems.add(option + "-steps must be 2 or more, got " + steps);
        }
    }

    /** A metric tag and statistic, checked as {@code --slo} checks them (with a did-you-mean). */
    private static void metric(String options, String tag, String stat, List<String> problems) {
        try {
            SloGate.parse(tag + "." + stat + "<1");
        } catch (IllegalArgumentException e) {
            problems.add(options + ": " + e.getMessage().replaceFirst("^invalid SLO '[^']*': ", ""));
        }
    }

    private static void needsStreaming(BenchmarkConfig base, String what, String tag, List<String> problems) {
        if (!base.endpoint().streaming()) {
            problems.add("--search-recipe " + what + " needs --streaming (" + tag
                    + " is measured on streamed responses only)");
        }
    }

    private static boolean streamingOnly(String tag) {
        return tag.equals("time_to_first_token") || tag.equals("inter_token_latency")
                || tag.equals("time_to_second_token") || tag.equals("inter_chunk_latency");
    }
}
