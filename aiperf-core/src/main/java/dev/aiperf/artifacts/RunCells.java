package dev.aiperf.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups repeated runs of one configuration ("cell") by their place in a study's folder layout:
 * {@code profile_runs/run_NNNN} and {@code trial_NNNN} folders are repeats, whatever else tells cells
 * apart ({@code base/profile_runs/trial_0001/concurrency8}, {@code base/concurrency8/profile_runs/trial_0002},
 * {@code base/profile_runs/run_0003}). A run outside such folders is a cell of its own.
 */
public final class RunCells {
    private static final Pattern REPEAT = Pattern.compile("profile_runs|(run|trial)_\\d+");

    private RunCells() {
    }

    /** Cell name to its runs, in the order of the first run of each cell. */
    public static Map<String, List<RunArtifacts>> of(List<RunArtifacts> runs) {
        Map<String, List<RunArtifacts>> cells = new LinkedHashMap<>();
        for (RunArtifacts run : runs) {
            cells.computeIfAbsent(cellName(run.dir()), k -> new ArrayList<>()).add(run);
        }
        return cells;
    }

    /** The last folder of the run's path that is not a repeat folder: the configuration's name. */
    public static String cellName(Path dir) {
        String cell = dir.toString();
        for (Path part : dir.toAbsolutePath().normalize()) {
            if (!REPEAT.matcher(part.toString()).matches()) {
                cell = part.toString();
            }
        }
        return cell;
    }

    /** The cell's name followed by the repeat folders ({@code run_0002}, {@code trial_0001}) of the run. */
    public static String label(Path dir) {
        StringBuilder label = new StringBuilder(cellName(dir));
        for (Path part : dir.toAbsolutePath().normalize()) {
            String name = part.toString();
            if (REPEAT.matcher(name).matches() && !name.equals("profile_runs")) {
                label.append(' ').append(name);
            }
        }
        return label.toString();
    }
}
