package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.study.StudyCell;
import dev.aiperf.study.StudyPlan;
import dev.aiperf.study.SweepMode;
import dev.aiperf.study.recipe.GridRecipe;
import dev.aiperf.study.recipe.RecipeCell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a grid recipe into a {@link StudyPlan}: each cell's configuration is the command line parsed again
 * with the cell's values ({@code --concurrency 4 --isl 512}), so every check of a single run applies to every
 * cell, and values derived from them follow (without {@code --request-count}, each concurrency gets its own
 * default). The study then runs like a sweep, in the recipe's folder.
 */
final class RecipeLauncher {
    /** Recipe parameter to the option that sets it. */
    private static final Map<String, String> OPTIONS = Map.of("concurrency", "--concurrency", "isl", "--isl",
            "osl", "--osl");

    private final StudyLauncher launcher;
    private final ProfileCommand command;

    RecipeLauncher(StudyLauncher launcher, ProfileCommand command) {
        this.launcher = launcher;
        this.command = command;
    }

    /** The study of {@code recipe}: every cell configured and checked, or one usage error listing the problems. */
    StudyPlan plan(GridRecipe recipe, BenchmarkConfig base, String mockUrl, boolean terminal, String commandLine) {
        StudyOptions s = command.study;
        List<String> problems = new ArrayList<>();
        int runs = s.numProfileRuns == null ? 1 : s.numProfileRuns;
        if (runs < 1 || runs > StudyPlan.MAX_RUNS) {
            problems.add("--num-profile-runs must be 1 to " + StudyPlan.MAX_RUNS + ", got " + runs);
        }
        double confidence = s.confidenceLevel == null ? 0.95 : s.confidenceLevel;
        double runCooldown = StudyLauncher.cooldown("--profile-run-cooldown-seconds", s.profileRunCooldownSeconds,
                problems);
        double sweepCooldown = StudyLauncher.cooldown("--parameter-sweep-cooldown-seconds",
                s.parameterSweepCooldownSeconds, problems);
        SweepMode mode = "independent".equals(s.parameterSweepMode) ? SweepMode.INDEPENDENT : SweepMode.REPEATED;
        if (s.parameterSweepMode != null && !List.of("repeated", "independent").contains(s.parameterSweepMode)) {
            problems.add("--parameter-sweep-mode must be repeated or independent, got '" + s.parameterSweepMode + "'");
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        Long seed = base.input().randomSeed() != null ? base.input().randomSeed()
                : s.consistentSeed ? Long.valueOf(StudyLauncher.CONSISTENT_SEED) : null;
        Set<String> cellProblems = new LinkedHashSet<>();
        List<StudyCell> cells = new ArrayList<>();
        List<RecipeCell> recipeCells = recipe.cells();
        for (int i = 0; i < recipeCells.size(); i++) {
            RecipeCell cell = recipeCells.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            List<String> extraArgs = new ArrayList<>();
            cell.parameters().forEach((name, value) -> {
                String option = OPTIONS.get(name);
                values.put(option, String.valueOf(value));
                extraArgs.add(option);
                extraArgs.add(String.valueOf(value));
            });
            BenchmarkConfig config = launcher.cellConfig(values, extraArgs, mockUrl, terminal, commandLine,
                    cellProblems);
            if (config == null) {
                continue;
            }
            Long cellSeed = seed == null || s.sweepSameSeed ? seed : seed + i;
            cells.add(new StudyCell(cell.label(), cell.parameters(),
                    config.withInput(config.input().withRandomSeed(cellSeed))));
        }
        if (!cellProblems.isEmpty()) {
            throw new UsageException(List.copyOf(cellProblems));
        }
        Path dir = command.output.artifactDir != null ? base.output().artifactDir()
                : StudyLauncher.renamed(base, recipe.name());
        try {
            return new StudyPlan(dir, recipe.parameters(), cells, runs, mode, runCooldown, sweepCooldown, confidence,
                    s.warmupOnlyFirstRun, s.varySeedPerTrial);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
