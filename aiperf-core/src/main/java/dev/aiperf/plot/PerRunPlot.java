package dev.aiperf.plot;

import dev.aiperf.api.plot.Plot;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plot drawn for each run on its own. Given several directories, each run's files go to a folder named
 * after the run inside the output directory.
 */
abstract class PerRunPlot implements Plot {
    protected final PlotContext context;

    protected PerRunPlot(PlotContext context) {
        this.context = context;
    }

    @Override
    public final List<Path> render(List<Path> artifactDirs, Path outputDir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Path dir : artifactDirs) {
            RunArtifacts run = RunArtifacts.read(dir);
            written.addAll(draw(run, artifactDirs.size() == 1 ? outputDir : outputDir.resolve(run.label())));
        }
        return written;
    }

    /** Writes this plot's files for one run; none when the run has nothing to draw. */
    protected abstract List<Path> draw(RunArtifacts run, Path outputDir) throws IOException;

    /** Seconds since the run's first request. */
    protected static double seconds(long ns, long zeroNs) {
        return (ns - zeroNs) / 1e9;
    }
}
