package dev.aiperf.cli;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunDirectories;
import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.plot.PlotRenderer;
import dev.aiperf.plugin.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aiperf plot}: PNG charts and one {@code report.html} from the artifact directories of finished runs,
 * with the original's options ({@code --paths}, {@code --output}, {@code --theme}). Every chart is a
 * {@code plot} plugin; the command draws each registered one.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = AiperfVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Draw PNG charts and an HTML report from finished runs.",
        description = {"Finds the run directories (those holding profile_export_aiperf.json) at or below each path,"
                + " draws every registered plot for each run (distributions, scatter, throughput over time, ...) and,"
                + " for two or more runs, the comparison plots (Pareto front of throughput against latency, ...);"
                + " then writes report.html of all the runs next to the PNGs.", ""},
        footer = {"", "Examples:", "  aiperf plot artifacts/mock-model-openai-chat-concurrency8",
                "  aiperf plot --paths artifacts/sweep --output sweep-plots --theme dark",
                "  aiperf plugins list-implementations plot     # the plot types"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Every plot was drawn.", "1:A plot or the report could not be drawn, or no run was found.",
                "2:Usage error: unknown option, missing or invalid argument."})
public final class PlotCommand implements Callable<Integer> {
    static final Path DEFAULT_PATH = Path.of("artifacts");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "0..*",
            description = "Run directories, or folders to search for them (default: ./artifacts).")
    List<Path> runDirs = new ArrayList<>();

    @Option(names = "--paths", split = ",", arity = "1..*", paramLabel = "<path>",
            description = "Same as RUN_DIR: run directories or folders to search, as the original names them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--output", paramLabel = "<dir>",
            description = "Where the PNGs and report.html go (default: <first path>/plots).")
    Path output;

    @Option(names = "--theme", paramLabel = "<theme>", defaultValue = "light",
            description = "light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of a failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!PlotContext.LIGHT.equals(theme) && !PlotContext.DARK.equals(theme)) {
            throw new UsageException("--theme must be light or dark, not '" + theme + "'");
        }
        List<Path> roots = new ArrayList<>(runDirs);
        roots.addAll(paths);
        if (roots.isEmpty()) {
            roots.add(DEFAULT_PATH);
        }
        List<Path> runs;
        try {
            runs = RunDirectories.find(roots);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; give run directories (they hold profile_export_aiperf.json)"
                    + " or folders that contain them");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs.isEmpty()) {
            err.println("aiperf: error: no run directory (one holding profile_export_aiperf.json) at or below "
                    + roots.stream().map(Path::toString).toList());
            return RunFailureHandler.EXIT_FAILED;
        }
        Path target = output != null ? output : roots.getFirst().resolve("plots");
        PlotRenderer.Result result = new PlotRenderer(Plugins.registry(),
                new PlotContext(theme, 1200, 700)).render(runs, target, AiperfVersion.version());
        out.println("Plotted " + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ": "
                + (result.files().size() - 1) + " PNG files and report.html in " + target.toAbsolutePath());
        out.println("HTML Report: " + target.resolve("report.html").toAbsolutePath());
        out.flush();
        result.failures().forEach(f -> err.println("aiperf: error: " + f));
        err.flush();
        return result.failures().isEmpty() ? 0 : RunFailureHandler.EXIT_FAILED;
    }
}
