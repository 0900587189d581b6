package dev.aiperf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aiperf} root command. Each subcommand lives in its own class. */
@Command(name = "aiperf",
        mixinStandardHelpOptions = true,
        versionProvider = AiperfVersion.class,
        description = "Benchmark LLM inference servers from the client side.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.aiperf.cli.profile.ProfileCommand.class,
                dev.aiperf.cli.plugins.PluginsCommand.class,
                DemoCommand.class,
                MockServerCommand.class,
        })
public final class AiperfCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line user errors (exit 2), run failures (exit 1). */
    public static CommandLine commandLine() {
        return new CommandLine(new AiperfCommand())
                .setParameterExceptionHandler(new dev.aiperf.cli.profile.UsageErrorHandler())
                .setExecutionExceptionHandler(new dev.aiperf.cli.profile.RunFailureHandler());
    }
}
