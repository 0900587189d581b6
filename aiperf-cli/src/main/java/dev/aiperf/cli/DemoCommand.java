package dev.aiperf.cli;

import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.cli.shared.UsageErrorHandler;
import dev.aiperf.cli.profile.ProfileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aiperf demo}: a short, complete benchmark of the embedded mock server with sensible
 * defaults. Any {@code profile} option may follow and wins over the defaults.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = AiperfVersion.class,
        usageHelpAutoWidth = true,
        customSynopsis = "aiperf demo [profile options]",
        header = "Run a short benchmark against the embedded mock server.",
        description = {"Streaming chat at concurrency 8, 16 warm-up requests then 200 measured, ISL 128, OSL 64"
                + " with ignore_eos, and the server's token counts (the mock counts in the run's tokenizer,"
                + " cl100k_base unless --tokenizer says otherwise, so they agree with the client's). Any 'aiperf profile'"
                + " option may follow and overrides these defaults, e.g. 'aiperf demo --concurrency 32"
                + " --request-count 1000'; see 'aiperf profile --help'.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ProfileCommand.EXIT_OK_HELP, ProfileCommand.EXIT_FAILED_HELP, ProfileCommand.EXIT_USAGE_HELP,
                ProfileCommand.EXIT_INTERRUPTED_HELP, ProfileCommand.EXIT_TERMINATED_HELP})
public final class DemoCommand implements Callable<Integer> {

    /** The profile arguments the demo starts from. */
    public static final List<String> DEFAULTS = List.of("--mock", "--streaming", "--concurrency", "8",
            "--request-count", "200", "--warmup-request-count", "16", "--isl", "128", "--osl", "64",
            "--extra-inputs", "ignore_eos:true", "--use-server-token-count", "--random-seed", "42",
            "--tokenizer", "cl100k_base");

    @Unmatched
    List<String> profileArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(DEFAULTS);
        args.addAll(profileArgs);
        CommandLine profile = new CommandLine(new ProfileCommand())
                .setOverwrittenOptionsAllowed(true)
                .setOut(spec.commandLine().getOut())
                .setErr(spec.commandLine().getErr())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new RunFailureHandler());
        profile.setCommandName("aiperf demo");
        return profile.execute(args.toArray(String[]::new));
    }
}
