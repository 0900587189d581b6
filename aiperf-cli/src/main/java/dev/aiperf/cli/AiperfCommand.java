package dev.aiperf.cli;

import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.cli.shared.UsageErrorHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

import java.util.List;
import java.util.concurrent.Callable;

/** The {@code aiperf} root command. Each subcommand lives in its own class ({@link #SUBCOMMANDS}). */
@Command(name = "aiperf",
        mixinStandardHelpOptions = true,
        versionProvider = AiperfVersion.class,
        usageHelpAutoWidth = true,
        description = "Benchmark LLM inference servers from the client side.",
        footer = {"", "Run 'aiperf COMMAND --help' for the options of a command."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Success.",
                "1:The command failed (a benchmark measured nothing, a plugin check found problems, ...).",
                "2:Usage error: unknown command or option, missing or invalid argument.",
                "3:'profile --slo': an SLO gate broke (the results are written).",
                "130:Interrupted (Ctrl-C); a benchmark still writes what it measured."})
public final class AiperfCommand implements Callable<Integer> {
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            dev.aiperf.cli.profile.ProfileCommand.class,
            dev.aiperf.cli.plugins.PluginsCommand.class,
            DemoCommand.class,
            dev.aiperf.cli.profile.CalibrateCommand.class,
            CompareCommand.class,
            MockServerCommand.class,
            PlotCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: a usage error that shows the usage. */
    @Override
    public Integer call() {
        return UsageErrorHandler.missingCommand(spec);
    }

    public static void main(String[] args) {
        ConsoleLogging.install(System.err, false);
        CommandLine cli = commandLine(args);
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
        return commandLine(args).execute(args);
    }

    /** The configured command line with every subcommand: one-line user errors (exit 2), run failures (exit 1). */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The configured command line {@code args} need: when the first argument names a subcommand, the root with
     * only that one. picocli builds every command's model (each option, by reflection) when the command line is
     * made; the subcommands a run does not use cost it ~50 ms of CPU and their compilation (bench/README.md
     * "Fixed cost per run"). Anything else (no command, {@code help}, an option, a typo) gets them all, for the
     * usage and the suggestions.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand != CommandLine.HelpCommand.class && names(subcommand).contains(args[0])) {
                    return commandLine(List.of(subcommand));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new AiperfCommand());
        for (Class<?> subcommand : subcommands) {
            // Made by the public constructor, which applies the command's model transformer (profile's
            // placeholders for the original's options) as the annotation's subcommands had it applied.
            cli.addSubcommand(new CommandLine(subcommand));
        }
        cli.setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new RunFailureHandler());
        CommandLine plugins = cli.getSubcommands().get("plugins");
        if (plugins != null) {
            // 'aiperf plugins --category show': an option's value may be a word that also names a subcommand.
            plugins.setAllowSubcommandsAsOptionParameters(true);
        }
        return cli;
    }

    /** The names a subcommand answers to: its name and aliases. */
    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(command.aliases()));
        names.addFirst(command.name());
        return names;
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
