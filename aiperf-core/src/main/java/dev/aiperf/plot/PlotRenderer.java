package dev.aiperf.plot;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.plot.Plot;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.api.plot.PlotMetadata;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.RunCells;
import dev.aiperf.engine.PluginFactory;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.report.HtmlReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code aiperf plot} does once the run directories are known: every registered {@code plot} plugin
 * draws its PNGs (per-run plots for each run, into a folder per run when there are several; comparison
 * plots once over all runs when there are two or more), then {@code report.html} of all the runs is
 * written next to them. A plot that fails is reported and the others still run.
 */
public final class PlotRenderer {
    private final PluginFactory plugins;
    private final PlotContext context;

    public PlotRenderer(PluginRegistry registry, PlotContext context) {
        this.plugins = new PluginFactory(registry);
        this.context = context;
    }

    /**
     * The files written and the failures, each failure one line naming the plot.
     *
     * @param files    PNG files and the report, in the order written
     * @param failures one message per plot (or report) that could not be drawn
     */
    public record Result(List<Path> files, List<String> failures) {
    }

    public Result render(List<Path> runDirs, Path outputDir, String aiperfVersion) throws IOException {
        if (runDirs.isEmpty()) {
            throw new IllegalArgumentException("no run directories to plot");
        }
        Files.createDirectories(outputDir);
        List<Path> files = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (TypeEntry entry : plugins.registry().listTypes(PluginType.PLOT)) {
            boolean comparison = metadata(entry).comparison();
            if (comparison && runDirs.size() < 2) {
                continue;
            }
            Plot plot = plugins.create(PluginType.PLOT, entry, PlotContext.class, context);
            List<List<Path>> calls = comparison ? List.of(runDirs) : runDirs.stream().map(List::of).toList();
            for (List<Path> dirs : calls) {
                Path target = comparison || runDirs.size() == 1 ? outputDir
                        : outputDir.resolve(folderName(dirs.getFirst(), runDirs));
                try {
                    Files.createDirectories(target);
                    files.addAll(plot.render(dirs, target));
                } catch (IOException | RuntimeException e) {
                    failures.add("plot '" + entry.name() + "' failed" + (comparison ? "" : " for " + dirs.getFirst())
                            + ": " + e.getMessage());
                }
            }
        }
        List<RunArtifacts> runs = RunArtifacts.readAll(runDirs);
        files.add(HtmlReport.write(runs, outputDir.resolve(HtmlReport.FILE_NAME), aiperfVersion, context.theme()));
        return new Result(files, failures);
    }

    /**
     * The folder of a run's plots: its label ({@code concurrency8}, {@code c8_run_0002}), with its parent's name
     * in front when another run has the same label.
     */
    static String folderName(Path run, List<Path> runs) {
        String name = RunCells.label(run).replace(' ', '_');
        long same = runs.stream().filter(r -> name.equals(RunCells.label(r).replace(' ', '_'))).count();
        return same > 1 && run.getParent() != null ? run.getParent().getFileName() + "_" + name : name;
    }

    private PlotMetadata metadata(TypeEntry entry) {
        try {
            PlotMetadata metadata = entry.metadata(PlotMetadata.class);
            return metadata == null ? new PlotMetadata(entry.name(), null) : metadata;
        } catch (PluginException e) {
            throw new IllegalArgumentException("plot '" + entry.name() + "' has bad metadata: " + e.getMessage(), e);
        }
    }
}
