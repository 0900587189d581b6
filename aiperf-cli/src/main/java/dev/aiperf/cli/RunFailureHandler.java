package dev.aiperf.cli;

import dev.aiperf.cli.shared.UsageErrorHandler;
import dev.aiperf.cli.shared.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * An exception out of a command: {@link UsageException} (and other user mistakes found after parsing)
 * print one {@code aiperf: error: ...} line per problem and exit 2; anything else exits 1 with its
 * message. The stack trace is shown only with {@code --verbose}.
 */
public final class RunFailureHandler implements IExecutionExceptionHandler {
    public static final int EXIT_FAILED = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof UsageException usage) {
            usage.problems().forEach(p -> err.println("aiperf: error: " + p));
            err.println(UsageErrorHandler.tryHelp(cmd));
            err.flush();
            return UsageErrorHandler.EXIT_USAGE;
        }
        err.println("aiperf: error: " + describe(ex));
        if (verbose(cmd)) {
            ex.printStackTrace(err);
        } else {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return EXIT_FAILED;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return message;
    }

    private static boolean verbose(CommandLine cmd) {
        ParseResult result = cmd.getParseResult();
        return result != null && (result.hasMatchedOption("--verbose") || result.hasMatchedOption("-v"));
    }
}
