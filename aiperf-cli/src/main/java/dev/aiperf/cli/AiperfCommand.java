package dev.aiperf.cli;

import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.cli.shared.UsageErrorHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

import java.util.List;
import java.util.concurrent.Callable;

/** The {@code aiperf} root command. Each subcommand lives in its own class. */
@Command(name = "aiperf",
        mixinStandardHelpOptions = true,
        versionProvider = AiperfVersion.class,
        usageHelpAutoWidth = true,
        description = "Benchmark LLM inference servers from the client side.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.aiperf.cli.profile.ProfileCommand.class,
                dev.aiperf.cli.plugins.PluginsCommand.class,
                DemoCommand.class,
                dev.aiperf.cli.profile.CalibrateCommand.class,
                CompareCommand.class,
                MockServerCommand.class,
                PlotCommand.class,
        },
        footer = {"", "Run 'aiperf COMMAND --help' for the options of a command."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Success.",
                "1:The command failed (a benchmark measured nothing, a plugin check found problems, ...).",
                "2:Usage error: unknown command or option, missing or invalid argument.",
                "3:'profile --slo': an SLO gate broke (the results are written).",
                "130:Interrupted (Ctrl-C); a benchmark still writes what it measured."})
public final class AiperfCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: a usage error that shows the usage. */
    @Override
    public Integer call() {
        return UsageErrorHandler.missingCommand(spec);
    }

    public static void main(String[] args) {
        ConsoleLogging.install(System.err, false);
        CommandLine cli = commandLine();
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            if (asksForVerbose(parsed)) {
                ConsoleLogging.install(System.err, true);
            }
            return run.execute(parsed);
        });
        System.exit(cli.execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line user errors (exit 2), run failures (exit 1). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AiperfCommand())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new RunFailureHandler());
        // 'aiperf plugins --category show': an option's value may be a word that also names a subcommand.
        cli.getSubcommands().get("plugins").setAllowSubcommandsAsOptionParameters(true);
        return cli;
    }

    /**
     * Whether the command run was given {@code --verbose}: as one of its options, or among the
     * arguments it passes on ({@code aiperf demo --verbose} hands it to {@code profile}).
     */
    static boolean asksForVerbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            List<String> passedOn = level.unmatched();
            if (level.hasMatchedOption("--verbose") || passedOn.contains("--verbose") || passedOn.contains("-v")
                    || level.hasMatchedOption("--extra-verbose") || passedOn.contains("--extra-verbose")
                    || passedOn.contains("-vv")) {
                return true;
            }
        }
        return false;
    }
}
