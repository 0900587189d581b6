package dev.aiperf.plot;

import dev.aiperf.api.plot.Plot;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A plot drawn once over every run given (a sweep, repeated runs), its files in the output directory. */
abstract class ComparisonPlot implements Plot {
    protected final PlotContext context;

    protected ComparisonPlot(PlotContext context) {
        this.context = context;
    }

    @Override
    public final List<Path> render(List<Path> artifactDirs, Path outputDir) throws IOException {
        return draw(RunArtifacts.readAll(artifactDirs), outputDir);
    }

    /** Writes this plot's files for the runs (a list it may reorder); none when they have nothing to draw. */
    protected abstract List<Path> draw(List<RunArtifacts> runs, Path outputDir) throws IOException;

    /** The axis title of a {@link dev.aiperf.artifacts.ParetoFront#throughputTag throughput tag}. */
    protected static String throughputTitle(String throughputTag) {
        return throughputTag.equals("request_throughput") ? "Request throughput (requests/s)"
                : "Output token throughput (tokens/s)";
    }
}
