package dev.aiperf.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the run directories under the paths given to {@code aiperf plot}: a path that holds
 * {@code profile_export_aiperf.json} is a run; any other directory is searched a few levels down (a
 * sweep's or a multi-run's parent folder, or the whole {@code artifacts} folder).
 */
public final class RunDirectories {
    /** How deep a parent folder is searched: artifacts/sweep/profile_runs/run_0001 is three below. */
    private static final int MAX_DEPTH = 5;

    private RunDirectories() {
    }

    /**
     * The run directories under {@code paths}, each once, sorted by path.
     *
     * @throws IllegalArgumentException when a path does not exist (a user's mistake; the message says which)
     */
    public static List<Path> find(List<Path> paths) throws IOException {
        TreeSet<Path> runs = new TreeSet<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!Files.isDirectory(absolute)) {
                throw new IllegalArgumentException("no such directory: " + path);
            }
            if (RunArtifacts.isRunDirectory(absolute)) {
                runs.add(absolute);
                continue;
            }
            try (Stream<Path> tree = Files.find(absolute, MAX_DEPTH,
                    (p, attributes) -> attributes.isDirectory() && RunArtifacts.isRunDirectory(p))) {
                tree.forEach(runs::add);
            }
        }
        return new ArrayList<>(runs);
    }
}
