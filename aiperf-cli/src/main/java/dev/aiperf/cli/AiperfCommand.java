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
        return new CommandLine(new AiperfCommand()).execute(args);
    }
}
