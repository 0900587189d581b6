package dev.aiperf.study;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study: the cells to run (one per combination of swept values, or a single one), how often each
 * runs, pauses between runs, and where everything goes (upstream's layout, §6.4 and
 * {@code docs/api/sweep-aggregates.md}):
 * <pre>
 * no sweep, N runs     base/profile_runs/run_NNNN/                 base/aggregate/
 * sweep, 1 run         base/&lt;cell&gt;/                               base/sweep_aggregate/
 * sweep, N, repeated   base/profile_runs/trial_NNNN/&lt;cell&gt;/        base/aggregate/&lt;cell&gt;/, base/aggregate/sweep_aggregate/
 * sweep, N, independent base/&lt;cell&gt;/profile_runs/trial_NNNN/     base/&lt;cell&gt;/aggregate/, base/sweep_aggregate/
 * </pre>
 *
 * @param baseDir               the study's artifact folder
 * @param parameters            swept parameter names and their values (empty without a sweep)
 * @param cells                 the combinations, in the order they run
 * @param runsPerCell           {@code --num-profile-runs}, 1 to 10
 * @param mode                  loop order when there are several cells and runs
 * @param runCooldownSeconds    {@code --profile-run-cooldown-seconds}: pause between runs of one cell
 * @param sweepCooldownSeconds  {@code --parameter-sweep-cooldown-seconds}: pause between cells
 * @param confidenceLevel       {@code --confidence-level}
 * @param warmupOnlyFirstRun    {@code --profile-run-disable-warmup-after-first}: repeats of a cell skip the warm-up
 * @param varySeedPerTrial      {@code --vary-seed-per-trial}: each repeat gets its own seed, derived from
 *                              SHA-256 of (seed, cell label, trial); needs a seed
 */
public record StudyPlan(Path baseDir, Map<String, List<Object>> parameters, List<StudyCell> cells, int runsPerCell,
                        SweepMode mode, double runCooldownSeconds, double sweepCooldownSeconds,
                        double confidenceLevel, boolean warmupOnlyFirstRun, boolean varySeedPerTrial) {
    public static final int MAX_RUNS = 10;

    public StudyPlan {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one cell");
        }
        if (runsPerCell < 1 || runsPerCell > MAX_RUNS) {
            throw new IllegalArgumentException("--num-profile-runs must be 1 to " + MAX_RUNS + ", got " + runsPerCell);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("--confidence-level must be between 0 and 1 (exclusive), got "
                    + confidenceLevel);
        }
        if (!(runCooldownSeconds >= 0) || !(sweepCooldownSeconds >= 0)) {
            throw new IllegalArgumentException("cool-down seconds must be 0 or more");
        }
    }

    /** Whether values are swept (cells have parameters), as opposed to repeating one configuration. */
    public boolean isSweep() {
        return !parameters.isEmpty();
    }

    /** Total runs of the study. */
    public int totalRuns() {
        return cells.size() * runsPerCell;
    }

    /** The folder of one run: trial is 1-based. */
    public Path runDir(StudyCell cell, int trial) {
        if (!isSweep()) {
            return runsPerCell == 1 ? baseDir : baseDir.resolve("profile_runs").resolve(runLabel(trial));
        }
        if (runsPerCell == 1) {
            return baseDir.resolve(cell.label());
        }
        return mode == SweepMode.REPEATED
                ? baseDir.resolve("profile_runs").resolve(trialLabel(trial)).resolve(cell.label())
                : baseDir.resolve(cell.label()).resolve("profile_runs").resolve(trialLabel(trial));
    }

    /** The folder of a cell's confidence aggregate (only with 2 or more runs). */
    public Path cellAggregateDir(StudyCell cell) {
        if (!isSweep()) {
            return baseDir.resolve("aggregate");
        }
        return mode == SweepMode.REPEATED ? baseDir.resolve("aggregate").resolve(cell.label())
                : baseDir.resolve(cell.label()).resolve("aggregate");
    }

    /** The folder of the sweep aggregate. */
    public Path sweepAggregateDir() {
        return runsPerCell > 1 && mode == SweepMode.REPEATED ? baseDir.resolve("aggregate").resolve("sweep_aggregate")
                : baseDir.resolve("sweep_aggregate");
    }

    /** {@code run_0001} without a sweep (spec §5.7) and {@code trial_0001} inside one (upstream's layout). */
    public String runLabel(int trial) {
        return String.format(isSweep() ? "trial_%04d" : "run_%04d", trial);
    }

    /** The seed of one trial of a cell: SHA-256 of (seed, label, trial), first 8 bytes, non-negative. */
    public static long trialSeed(long seed, String cellLabel, int trial) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (seed + ":" + cellLabel + ":" + trial).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String trialLabel(int trial) {
        return String.format("trial_%04d", trial);
    }
}
