package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.api.tokenizer.TokenizerSpec;
import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.engine.BenchmarkOutcome;
import dev.aiperf.engine.BenchmarkRunner;
import dev.aiperf.engine.OpenFileLimit;
import dev.aiperf.mock.MockServer;
import dev.aiperf.plot.PlotRenderer;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.readiness.ModelReadiness;
import dev.aiperf.readiness.ReadinessSettings;
import dev.aiperf.slo.SloGate;
import dev.aiperf.slo.SloReport;
import dev.aiperf.summary.RunSummary;
import dev.aiperf.tokenizer.Tokenizers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * {@code aiperf profile}: runs one benchmark with the original tool's option names (spec §1.3).
 * Exit codes: 0 done, 1 the run failed, measured nothing or could not write an artifact, 2 bad command
 * line, 130 interrupted (SIGINT), 143 terminated (SIGTERM); the results measured until then are still written.
 */
@Command(name = "profile", sortOptions = false, mixinStandardHelpOptions = true, usageHelpWidth = 120,
        modelTransformer = UpstreamOptionPlaceholders.class,
        customSynopsis = "aiperf profile (-m <model>... | --mock) [--url <url>...] [options]",
        description = {"Benchmark an OpenAI-compatible inference server.", "",
                "Example: aiperf profile -m Qwen/Qwen3-0.6B --url localhost:8000 --streaming --concurrency 8",
                "         aiperf profile --mock      (benchmarks the embedded mock server)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ProfileCommand.EXIT_OK_HELP, ProfileCommand.EXIT_FAILED_HELP, ProfileCommand.EXIT_USAGE_HELP,
                ProfileCommand.EXIT_SLO_HELP, ProfileCommand.EXIT_INTERRUPTED_HELP, ProfileCommand.EXIT_TERMINATED_HELP})
public final class ProfileCommand implements Callable<Integer> {
    static final int EXIT_RUN_FAILED = 1;
    static final int EXIT_INTERRUPTED = 130;
    static final int EXIT_TERMINATED = 143;
    static final int EXIT_SLO_BROKEN = 3;

    // The "Exit codes" section of the help of profile and demo (annotation values must be constants).
    public static final String EXIT_OK_HELP = "0:Success.";
    public static final String EXIT_FAILED_HELP = "1:The run failed: no request succeeded, nothing was measured, or an"
            + " export could not be written.";
    public static final String EXIT_USAGE_HELP = "2:Usage error: unknown option, missing or invalid argument.";
    public static final String EXIT_INTERRUPTED_HELP = "130:Interrupted (Ctrl-C); what was measured is still written.";
    public static final String EXIT_TERMINATED_HELP = "143:Terminated (SIGTERM); what was measured is still written.";
    public static final String EXIT_SLO_HELP = "3:An SLO gate (--slo) broke; the results and slo_results.json are written.";

    @Mixin
    EndpointOptions endpoint = new EndpointOptions();

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    PromptOptions prompt = new PromptOptions();

    @Mixin
    RankingsOptions rankings = new RankingsOptions();

    @Mixin
    ConversationOptions conversation = new ConversationOptions();

    @Mixin
    ImageInputOptions image = new ImageInputOptions();

    @Mixin
    AudioInputOptions audio = new AudioInputOptions();

    @Mixin
    VideoInputOptions video = new VideoInputOptions();

    @Mixin
    LoadGeneratorOptions load = new LoadGeneratorOptions();

    @Mixin
    FixedScheduleOptions fixedSchedule = new FixedScheduleOptions();

    @Mixin
    LoadShapeOptions shape = new LoadShapeOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    TelemetryOptions telemetry = new TelemetryOptions();

    @Mixin
    TokenizerOptions tokenizer = new TokenizerOptions();

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Mixin
    ServerReadinessOptions readiness = new ServerReadinessOptions();

    @Mixin
    StudyOptions study = new StudyOptions();

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    RecipeOptions recipe = new RecipeOptions();

    /** Comma lists found while parsing (a sweep), filled by {@link SweepListPreprocessor}. */
    final SweepLists sweepLists = new SweepLists();

    @Mixin
    SloOptions slo = new SloOptions();

    @Mixin
    ConfigFileOptions config = new ConfigFileOptions();

    /** The command line as the user typed it, when this instance was parsed from a config file's arguments. */
    private String typedCommandLine;

    CommandSpec spec;

    /** Receives the command's model from picocli and groups the option list of {@code --help}. */
    @Spec
    void spec(CommandSpec commandSpec) {
        this.spec = commandSpec;
        // "-m m --concurency 4" must not make "--concurency" a model name: a mistyped option is an error.
        commandSpec.parser().unmatchedOptionsAllowedAsOptionParameters(false);
        commandSpec.usageMessage().sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                new GroupedOptionList(List.of(Map.entry("Endpoint", EndpointOptions.class),
                        Map.entry("Input", InputOptions.class), Map.entry("Prompt", PromptOptions.class),
                        Map.entry("Rankings", RankingsOptions.class),
                        Map.entry("Conversation", ConversationOptions.class),
                        Map.entry("Image Input", ImageInputOptions.class),
                        Map.entry("Audio Input", AudioInputOptions.class),
                        Map.entry("Video Input", VideoInputOptions.class),
                        Map.entry("Load Generator", LoadGeneratorOptions.class),
                        Map.entry("Fixed Schedule", FixedScheduleOptions.class),
                        Map.entry("Load Shapes", LoadShapeOptions.class),
                        Map.entry("Output", OutputOptions.class),
                        Map.entry("Server Metrics and GPU Telemetry", TelemetryOptions.class),
                        Map.entry("Tokenizer", TokenizerOptions.class),
                        Map.entry("Service/UI", ServiceOptions.class), Map.entry("SLO gates", SloOptions.class),
                        Map.entry("Server Readiness", ServerReadinessOptions.class),
                        Map.entry("Multi-Run and Sweep", StudyOptions.class),
                        Map.entry("SLA Search", SearchOptions.class),
                        Map.entry("Search Recipes", RecipeOptions.class),
                        Map.entry("Config file", ConfigFileOptions.class))));
    }

    /** Whether {@code --verbose} was given (error handlers print stack traces then). */
    boolean verbose() {
        return service.verbose;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        // The original arguments start at the root command (they include "profile" itself).
        ParseResult parsed = spec.commandLine().getParseResult();
        if (config.configFile != null) {
            return withConfigFile(parsed).call();
        }
        UpstreamOptionPlaceholders.check(parsed, err);
        String commandLine = typedCommandLine != null ? typedCommandLine
                : CommandLineText.of(spec.root().name(), parsed.originalArgs());
        boolean terminal = TerminalDetector.isTerminal();
        PluginsDirectory.install(service.pluginsDir);
        // Validate everything before starting anything; --mock only fixes the URL afterwards.
        ProfileConfigBuilder.Result built = ProfileConfigBuilder.build(this,
                service.mock ? "http://127.0.0.1:0" : null, terminal, commandLine);
        built.warnings().forEach(w -> err.println("aiperf: warning: " + w));
        ReadinessSettings readinessSettings = readiness.settings();
        StudyLauncher studyLauncher = null;
        dev.aiperf.study.StudyPlan studyPlan = null;
        dev.aiperf.study.SlaSearchPlan searchPlan = null;
        dev.aiperf.study.SweepPostProcess recipeAnalysis = null;
        RecipeConfig.checkOwnership(this);
        String placeholderUrl = service.mock ? "http://127.0.0.1:0" : null;
        if (StudyLauncher.isSearch(this) || StudyLauncher.isStudy(this)) {
            studyLauncher = new StudyLauncher(this, ownArguments(parsed),
                    spec.commandLine().isOverwrittenOptionsAllowed());
            if (RecipeConfig.isGridRecipe(this)) {
                dev.aiperf.study.recipe.GridRecipe grid = RecipeConfig.recipe(this, built.config(), studyLauncher);
                studyPlan = new RecipeLauncher(studyLauncher, this).plan(grid, built.config(), placeholderUrl,
                        terminal, commandLine);
                recipeAnalysis = grid.postProcess();
            } else if (StudyLauncher.isSearch(this)) {
                searchPlan = studyLauncher.searchPlan(built.config(), placeholderUrl, terminal, commandLine);
            } else {
                studyPlan = studyLauncher.plan(built.config(), placeholderUrl, terminal, commandLine);
            }
        }
        List<SloGate> gates = slo.gates();
        MockServer mock = null;
        try {
            BenchmarkConfig config = built.config();
            // Before the mock starts: in this process it holds the other end of every connection.
            OpenFileLimit.check(OpenFileLimit.connections(config.load()), service.mock ? 2 : 1);
            if (service.mock) {
                mock = startMock(err, mockTokenizer(config));
                config = withUrl(config, mock.baseUrl());
            }
            ModelReadiness.await(config, readinessSettings, line -> err.println("aiperf: " + line));
            if (studyLauncher != null) {
                String url = mock == null ? null : mock.baseUrl();
                UnaryOperator<BenchmarkConfig> mockUrl = c -> url == null ? c : withUrl(c, url);
                return searchPlan != null ? studyLauncher.runSearch(searchPlan, mockUrl, out, err)
                        : studyLauncher.run(studyPlan, recipeAnalysis, mockUrl, out, err);
            }
            BenchmarkRunner.Prepared prepared;
            try {
                prepared = BenchmarkRunner.prepare(config, out, err);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            // A third-party plugin in the run is never silent: one line each, before the first request.
            prepared.usedPlugins().stream().filter(p -> !p.builtin())
                    .forEach(p -> err.println("aiperf: plugin " + p.announcement()));
            BenchmarkOutcome outcome = prepared.handlingSignals().run();
            int exit = exitCode(outcome, err);
            if (output.autoPlot && outcome.hasResults() && !autoPlot(config, out, err) && output.plotRequired
                    && exit == 0) {
                exit = EXIT_RUN_FAILED;
            }
            if (exit == 0 && !gates.isEmpty()) {
                exit = checkGates(gates, outcome, out, err);
            }
            return exit == EXIT_INTERRUPTED && prepared.terminatedBySigterm() ? EXIT_TERMINATED : exit;
        } finally {
            if (mock != null) {
                mock.close();
            }
        }
    }

    /**
     * This command again, parsed from the config file's arguments followed by the command line's
     * (without {@code -f}): options on the command line are skipped in the file, so they win.
     */
    private ProfileCommand withConfigFile(ParseResult parsed) {
        Path file = config.configFile;
        ConfigFileArguments fromFile = ConfigFileArguments.read(file, spec, new HashSet<>(parsed.matchedOptions()));
        List<String> args = new ArrayList<>(fromFile.args());
        args.addAll(withoutConfigOption(ownArguments(parsed)));
        ProfileCommand again = new ProfileCommand();
        CommandLine cli = new CommandLine(again).setOut(spec.commandLine().getOut())
                .setErr(spec.commandLine().getErr());
        try {
            cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            String where = e.getArgSpec() instanceof OptionSpec option ? fromFile.locations().get(option.longestName()) : null;
            throw new UsageException(where == null ? e.getMessage() : where + ": " + e.getMessage());
        }
        again.typedCommandLine = CommandLineText.of(spec.root().name(), parsed.originalArgs());
        return again;
    }

    /** The arguments that belong to this command: after the subcommand's name when run under {@code aiperf}. */
    private List<String> ownArguments(ParseResult parsed) {
        List<String> all = parsed.originalArgs();
        if (spec.parent() == null) {
            return all;
        }
        int at = all.indexOf(spec.name());
        return at < 0 ? all : all.subList(at + 1, all.size());
    }

    private static List<String> withoutConfigOption(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-f") || arg.equals("--config")) {
                i++;
            } else if (!arg.startsWith("--config=") && !(arg.startsWith("-f") && arg.length() > 2
                    && !arg.startsWith("--"))) {
                kept.add(arg);
            }
        }
        return kept;
    }

    /** {@code --auto-plot}: the run's plots into {@code <artifact dir>/plots}; false when any failed. */
    private static boolean autoPlot(BenchmarkConfig config, PrintStream out, PrintStream err) {
        Path plots = config.output().artifactDir().resolve("plots");
        try {
            PlotRenderer.Result result = new PlotRenderer(Plugins.registry(), PlotContext.defaults())
                    .render(List.of(config.output().artifactDir()), plots, AiperfVersion.version());
            out.println("Plots: " + plots.toAbsolutePath());
            result.failures().forEach(f -> err.println("aiperf: warning: " + f));
            return result.failures().isEmpty();
        } catch (IOException | RuntimeException e) {
            err.println("aiperf: warning: the plots could not be drawn: " + e.getMessage());
            return false;
        }
    }

    /** The tokenizer the run will count with (the engine's choice, a fallback included) for the mock to share. */
    private static TokenizerSpec mockTokenizer(BenchmarkConfig config) {
        try {
            return Tokenizers.forRun(config).spec();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private MockServer startMock(PrintStream err, TokenizerSpec tokenizer) {
        MockServer mock;
        try {
            mock = MockServerLauncher.start(service, tokenizer, err);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        err.println("aiperf: mock server listening on " + mock.baseUrl());
        return mock;
    }

    private static BenchmarkConfig withUrl(BenchmarkConfig config, String url) {
        return new BenchmarkConfig(config.endpoint().withUrls(List.of(url)), config.input(), config.load(),
                config.output(), config.telemetry());
    }

    /** Checks the SLO gates on the finished run: prints and writes each verdict; 3 when any broke. */
    private static int checkGates(List<SloGate> gates, BenchmarkOutcome outcome, PrintStream out, PrintStream err) {
        Path dir = outcome.artifactDir();
        SloReport report = SloReport.check(gates, RunSummary.of(String.valueOf(dir.getFileName()), outcome.context()));
        report.consoleLines().forEach(out::println);
        try {
            out.println("SLO Results: " + report.write(dir));
        } catch (IOException e) {
            err.println("aiperf: error: cannot write " + dir.resolve(SloReport.FILE) + ": " + e.getMessage());
            return EXIT_RUN_FAILED;
        }
        return report.anyBroken() ? EXIT_SLO_BROKEN : 0;
    }

    private static int exitCode(BenchmarkOutcome outcome, PrintStream err) {
        if (!outcome.hasResults()) {
            err.println("aiperf: error: no profile results to export: no profiling request completed"
                    + (outcome.interrupted() ? " before the run was interrupted" : ""));
            return outcome.interrupted() ? EXIT_INTERRUPTED : EXIT_RUN_FAILED;
        }
        if (outcome.interrupted()) {
            return EXIT_INTERRUPTED;
        }
        boolean anySuccess = outcome.context().result("request_count").map(r -> r.avg() != null && r.avg() > 0)
                .orElse(false);
        if (!anySuccess) {
            err.println("aiperf: error: every request failed; the error summary above says why");
            return EXIT_RUN_FAILED;
        }
        return outcome.exportErrors().isEmpty() ? 0 : EXIT_RUN_FAILED;
    }
}
